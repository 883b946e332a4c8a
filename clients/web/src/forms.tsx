// GOV.UK form patterns: a problem shown at its field and in a summary that
// links to the field, and the API's refusals turned into such problems.
import { ConnectError, Code } from "@connectrpc/connect";
import { useEffect, useRef } from "preact/hooks";
import { problemOf, signInAgainIfNeeded } from "./api";

export type FieldErrors = Record<string, string>;

// The field a refusal is about: the API names it first ("email must be
// ..."), as `apiFields` maps to the form's own ids. Anything else is the
// form's as a whole ("").
export function errorsOf(error: unknown, apiFields: Record<string, string>): FieldErrors {
  signInAgainIfNeeded(error);
  if (error instanceof ConnectError &&
      (error.code === Code.InvalidArgument || error.code === Code.FailedPrecondition ||
       error.code === Code.AlreadyExists || error.code === Code.NotFound)) {
    const message = error.rawMessage;
    for (const [api, id] of Object.entries(apiFields)) {
      if (message.startsWith(api) || message.includes(`${api} `)) return { [id]: message };
    }
    return { "": message };
  }
  return { "": problemOf(error) };
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

// A text input with its label, hint and error.
export function TextField(props: {
  id: string; label: string; value: string; onInput: (value: string) => void;
  errors: FieldErrors; hint?: string; type?: string; autocomplete?: string;
}) {
  const error = props.errors[props.id];
  const described = [props.hint ? `${props.id}-hint` : "", error ? `${props.id}-error` : ""]
    .filter(Boolean).join(" ");
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label class="govuk-label govuk-label--s" for={props.id}>{props.label}</label>
      {props.hint && <div id={`${props.id}-hint`} class="govuk-hint">{props.hint}</div>}
      {error && (
        <p id={`${props.id}-error`} class="govuk-error-message">
          <span class="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <input class={`govuk-input${error ? " govuk-input--error" : ""}`} id={props.id}
             name={props.id} type={props.type ?? "text"} value={props.value}
             autocomplete={props.autocomplete} spellcheck={false}
             aria-describedby={described || undefined}
             onInput={(e) => props.onInput((e.target as HTMLInputElement).value)} />
    </div>
  );
}
