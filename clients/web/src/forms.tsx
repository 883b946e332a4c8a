// GOV.UK form patterns: a problem shown at its field and in a summary that
// links to the field, and the API's refusals turned into such problems.
import { ConnectError, Code } from "@connectrpc/connect";
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { problemOf, signInAgainIfNeeded } from "./api";
import type { Date as ApiDate } from "./gen/healthcheck/v1/common_pb";

export type FieldErrors = Record<string, string>;

// The field a refusal is about: the API names it first, as a path
// ("email must be ...", "members[2].sector is required"); a change crossing
// someone else's (ABORTED) is the form's as a whole. `apiFields` maps
// such a path, its indexes dropped, to the form's own id, where "{i}" stands
// for the path's first index. Anything else is the form's as a whole ("").
export function errorsOf(error: unknown, apiFields: Record<string, string>): FieldErrors {
  signInAgainIfNeeded(error);
  // A stale etag: the page shows what was read before someone's change.
  if (error instanceof ConnectError && error.code === Code.Aborted) {
    return { "": "Someone has changed this since you opened the page. Reload the page to see " +
                 "the change, then try again." };
  }
  if (error instanceof ConnectError &&
      (error.code === Code.InvalidArgument || error.code === Code.FailedPrecondition ||
       error.code === Code.AlreadyExists || error.code === Code.NotFound)) {
    const message = error.rawMessage;
    const path = /^[a-z][a-z0-9_]*(\[\d+\])?(\.[a-z][a-z0-9_]*(\[\d+\])?)*/
      .exec(message)?.[0] ?? "";
    const index = /\[(\d+)\]/.exec(path)?.[1] ?? "0";
    const id = apiFields[path] ?? apiFields[path.replace(/\[\d+\]/g, "")];
    // "current_password: that is not ..." is said at its field without the
    // field's API name.
    const named = path !== "" && message.startsWith(`${path}: `);
    const said = named ? message.charAt(path.length + 2).toUpperCase() +
                         message.slice(path.length + 3) : message;
    return { [id ? id.replace("{i}", index) : ""]: said };
  }
  return { "": problemOf(error) };
}

// A key that makes a create safe to send again (AIP-155 request_id): one
// per form shown, so a second press of the button creates nothing new.
export function newRequestId(): string {
  // randomUUID exists only in secure contexts; an http:// origin other
  // than localhost has getRandomValues alone.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

// The summary at the top of the page; it takes the focus when it appears.
export function ErrorSummary({ errors, firstField }: { errors: FieldErrors; firstField: string }) {
  const box = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    if (entries.length) box.current?.focus();
  }, [errors]);
  if (!entries.length) return null;
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1} ref={box}>
      <div role="alert">
        <h2 class="govuk-error-summary__title">There is a problem</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {entries.map(([field, message]) => (
              <li key={field}><a href={`#${field || firstField}`}>{message}</a></li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

// The form group every field sits in: its label (or legend), hint and error.
export function Field(props: {
  id: string; label: string; errors: FieldErrors; hint?: string;
  children: (described: string | undefined, error: string | undefined) => ComponentChildren;
}) {
  const error = props.errors[props.id];
  const described = [props.hint ? `${props.id}-hint` : "", error ? `${props.id}-error` : ""]
    .filter(Boolean).join(" ") || undefined;
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label class="govuk-label govuk-label--s" for={props.id}>{props.label}</label>
      {props.hint && <div id={`${props.id}-hint`} class="govuk-hint">{props.hint}</div>}
      <FieldError id={props.id} error={error} />
      {props.children(described, error)}
    </div>
  );
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">Error:</span> {error}
    </p>
  );
}

type FieldProps = {
  id: string; label: string; value: string; onInput: (value: string) => void;
  errors: FieldErrors; hint?: string;
};

// A text input.
export function TextField(props: FieldProps & { type?: string; autocomplete?: string;
                                                  width?: string }) {
  return (
    <Field {...props}>
      {(described, error) => (
        <input class={`govuk-input${props.width ? ` govuk-input--width-${props.width}` : ""}${
                 error ? " govuk-input--error" : ""}`}
               id={props.id} name={props.id} type={props.type ?? "text"} value={props.value}
               autocomplete={props.autocomplete ?? "off"} spellcheck={false}
               aria-describedby={described}
               onInput={(e) => props.onInput((e.target as HTMLInputElement).value)} />
      )}
    </Field>
  );
}

// A textarea, for text of more than one line.
export function TextArea(props: FieldProps & { rows?: number }) {
  return (
    <Field {...props}>
      {(described, error) => (
        <textarea class={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
                  id={props.id} name={props.id} rows={props.rows ?? 5} value={props.value}
                  aria-describedby={described}
                  onInput={(e) => props.onInput((e.target as HTMLTextAreaElement).value)} />
      )}
    </Field>
  );
}

// A select of `options` ([value, text]) with "Choose" first, then any
// `groups` of options under their labels.
export function Choice(props: Omit<FieldProps, "onInput"> & {
  onChange: (value: string) => void; options: [string, string][]; empty?: string;
  groups?: [string, [string, string][]][];
}) {
  return (
    <Field {...props}>
      {(described, error) => (
        <select class={`govuk-select${error ? " govuk-select--error" : ""}`} id={props.id}
                name={props.id} value={props.value} aria-describedby={described}
                onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
          <option value="">{props.empty ?? "Choose"}</option>
          {props.options.map(([value, text]) => <option value={value} key={value}>{text}</option>)}
          {props.groups?.filter(([, options]) => options.length).map(([label, options]) => (
            <optgroup label={label} key={label}>
              {options.map(([value, text]) => <option value={value} key={value}>{text}</option>)}
            </optgroup>
          ))}
        </select>
      )}
    </Field>
  );
}

// Radios in a fieldset; the first radio carries the field's id, so that the
// error summary's link lands on it.
export function Radios<T extends string | number>(props: {
  id: string; legend: string; value: T; onChange: (value: T) => void; errors: FieldErrors;
  options: [T, string][]; hint?: string;
}) {
  const error = props.errors[props.id];
  const described = [props.hint ? `${props.id}-hint` : "", error ? `${props.id}-error` : ""]
    .filter(Boolean).join(" ") || undefined;
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset class="govuk-fieldset" aria-describedby={described}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{props.legend}</legend>
        {props.hint && <div id={`${props.id}-hint`} class="govuk-hint">{props.hint}</div>}
        <FieldError id={props.id} error={error} />
        <div class="govuk-radios" data-module="govuk-radios">
          {props.options.map(([value, label], i) => {
            const id = i === 0 ? props.id : `${props.id}-${i}`;
            return (
              <div class="govuk-radios__item" key={String(value)}>
                <input class="govuk-radios__input" id={id} name={props.id} type="radio"
                       checked={props.value === value} onChange={() => props.onChange(value)} />
                <label class="govuk-label govuk-radios__label" for={id}>{label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

// Checkboxes in a fieldset, for choosing any number of `options`
// ([value, label, hint?]); the first box carries the field's id (the
// fieldset does when there is none, so that the error summary's link
// still lands).
export function Checkboxes(props: {
  id: string; legend: string; values: string[]; onChange: (values: string[]) => void;
  errors: FieldErrors; options: [string, string, string?][]; hint?: string; small?: boolean;
}) {
  const error = props.errors[props.id];
  const described = [props.hint ? `${props.id}-hint` : "", error ? `${props.id}-error` : ""]
    .filter(Boolean).join(" ") || undefined;
  const toggle = (value: string, on: boolean) =>
    props.onChange(on ? [...props.values, value] : props.values.filter((v) => v !== value));
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset class="govuk-fieldset" aria-describedby={described}
                id={props.options.length ? undefined : props.id}
                tabIndex={props.options.length ? undefined : -1}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{props.legend}</legend>
        {props.hint && <div id={`${props.id}-hint`} class="govuk-hint">{props.hint}</div>}
        <FieldError id={props.id} error={error} />
        <div class={`govuk-checkboxes${props.small ? " govuk-checkboxes--small" : ""}`}
             data-module="govuk-checkboxes">
          {props.options.map(([value, label, hint], i) => {
            const id = i === 0 ? props.id : `${props.id}-${i}`;
            return (
              <div class="govuk-checkboxes__item" key={value}>
                <input class="govuk-checkboxes__input" id={id} name={props.id} type="checkbox"
                       value={value} checked={props.values.includes(value)}
                       aria-describedby={hint ? `${id}-item-hint` : undefined}
                       onChange={(e) => toggle(value, (e.target as HTMLInputElement).checked)} />
                <label class="govuk-label govuk-checkboxes__label" for={id}>{label}</label>
                {hint && <div id={`${id}-item-hint`}
                              class="govuk-hint govuk-checkboxes__hint">{hint}</div>}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

// A date as the GOV.UK date input pattern asks it: day, month and year in
// three boxes. Its value is kept as typed ({day, month, year} strings).
export type DateParts = { day: string; month: string; year: string };

export function datePartsOf(date: Pick<ApiDate, "year" | "month" | "day"> | undefined): DateParts {
  if (!date || date.year === 0) return { day: "", month: "", year: "" };
  return { day: String(date.day), month: String(date.month), year: String(date.year) };
}

// The date typed, undefined when all three boxes are empty, or a problem
// in words.
export function dateOf(parts: DateParts, what: string):
    { date?: { year: number; month: number; day: number }; problem?: string } {
  const filled = [parts.day, parts.month, parts.year].map((p) => p.trim());
  if (filled.every((p) => p === "")) return {};
  if (filled.some((p) => !/^\d{1,4}$/.test(p))) {
    return { problem: `${what} must be a real date, like 27 3 2027` };
  }
  const [day, month, year] = filled.map(Number);
  const real = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || real.getUTCMonth() !== month - 1 || real.getUTCDate() !== day) {
    return { problem: `${what} must be a real date, like 27 3 2027` };
  }
  return { date: { year, month, day } };
}

export function DateInput(props: {
  id: string; legend: string; value: DateParts; onChange: (value: DateParts) => void;
  errors: FieldErrors; hint?: string;
}) {
  const error = props.errors[props.id];
  const described = [props.hint ? `${props.id}-hint` : "", error ? `${props.id}-error` : ""]
    .filter(Boolean).join(" ") || undefined;
  const part = (key: keyof DateParts, label: string, width: number, first: boolean) => {
    const id = first ? props.id : `${props.id}-${key}`;
    return (
      <div class="govuk-date-input__item">
        <div class="govuk-form-group">
          <label class="govuk-label govuk-date-input__label" for={id}>{label}</label>
          <input class={`govuk-input govuk-date-input__input govuk-input--width-${width}${
                   error ? " govuk-input--error" : ""}`}
                 id={id} name={id} type="text" inputMode="numeric" value={props.value[key]}
                 onInput={(e) => props.onChange({ ...props.value,
                                                  [key]: (e.target as HTMLInputElement).value })} />
        </div>
      </div>
    );
  };
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset class="govuk-fieldset" role="group" aria-describedby={described}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{props.legend}</legend>
        {props.hint && <div id={`${props.id}-hint`} class="govuk-hint">{props.hint}</div>}
        <FieldError id={props.id} error={error} />
        <div class="govuk-date-input">
          {part("day", "Day", 2, true)}
          {part("month", "Month", 2, false)}
          {part("year", "Year", 4, false)}
        </div>
      </fieldset>
    </div>
  );
}

// A row of a summary list, with an optional change link.
export type SummaryRow = { key: string; value: ComponentChildren; change?: string };

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  const someChange = rows.some((row) => row.change);
  return (
    <dl class="govuk-summary-list">
      {rows.map((row) => (
        <div class={`govuk-summary-list__row${
               someChange && !row.change ? " govuk-summary-list__row--no-actions" : ""}`}
             key={row.key}>
          <dt class="govuk-summary-list__key">{row.key}</dt>
          <dd class="govuk-summary-list__value">{row.value}</dd>
          {row.change && (
            <dd class="govuk-summary-list__actions">
              <a class="govuk-link" href={row.change}>
                Change<span class="govuk-visually-hidden"> {row.key.toLowerCase()}</span>
              </a>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

// A summary card: a heading (h2 unless `Heading` says otherwise) with an
// optional tag, an optional action link whose hidden words say what it acts
// on, and its rows.
export function SummaryCard({ title, tag, action, rows, children, Heading = "h2" }: {
  title: ComponentChildren; tag?: ComponentChildren;
  action?: { href: string; text: string; about: string };
  rows: SummaryRow[]; children?: ComponentChildren; Heading?: "h2" | "h3";
}) {
  return (
    <div class="govuk-summary-card">
      <div class="govuk-summary-card__title-wrapper">
        <Heading class="govuk-summary-card__title">{title}{tag && <> {tag}</>}</Heading>
        {action && (
          <ul class="govuk-summary-card__actions">
            <li class="govuk-summary-card__action">
              <a class="govuk-link" href={action.href}>
                {action.text}<span class="govuk-visually-hidden"> {action.about}</span>
              </a>
            </li>
          </ul>
        )}
      </div>
      <div class="govuk-summary-card__content">
        <SummaryList rows={rows} />
        {children}
      </div>
    </div>
  );
}

// A button that asks once more before it acts, in a button group of its
// own; the second button is red when the act takes something away
// (`warning`, the default). The keyboard's focus follows the question: to
// the confirming button when asked, back to the first when kept.
export function ConfirmButton({ label, confirm, act, warning = true }: {
  label: ComponentChildren; confirm: string; act: () => Promise<void>; warning?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState("");
  const answered = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (answered.current) button.current?.focus(); }, [asking]);
  const ask = (value: boolean) => {
    answered.current = true;
    setProblem("");
    setAsking(value);
  };
  return (
    <div class="govuk-button-group">
      {asking ? (
        <>
          <button type="button" ref={button}
                  class={warning ? "govuk-button govuk-button--warning" : "govuk-button"}
                  onClick={() => act().catch((e: unknown) => setProblem(errorsOf(e, {})[""] ?? ""))}>
            {confirm}
          </button>
          <button type="button" class="govuk-button govuk-button--secondary"
                  onClick={() => ask(false)}>Keep it</button>
          {problem && <p class="govuk-error-message" role="alert">{problem}</p>}
        </>
      ) : (
        <button type="button" ref={button} class="govuk-button govuk-button--secondary"
                onClick={() => ask(true)}>{label}</button>
      )}
    </div>
  );
}
