// The person's own account: who they are, changing their password, where
// they are signed in, and their personal access tokens (made here, the
// secret shown once).
import { useEffect, useRef, useState } from "preact/hooks";
import { accessTokens, users } from "./api";
import { Sessions, Tokens } from "./credentials";
import { ErrorSummary, errorsOf, type FieldErrors, SummaryList, TextField } from "./forms";
import { roleLabels } from "./format";
import type { User } from "./gen/healthcheck/v1/user_pb";
import { go } from "./navigation";

// Both forms' problems are the page's, in one summary at its head.
export function AccountPage({ me }: { me: User }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [tokensMade, setTokensMade] = useState(0);
  return (
    <>
      <ErrorSummary errors={errors} firstField="current-password" />
      <h1 class="govuk-heading-xl">Your account</h1>
      <SummaryList rows={[
        { key: "Name", value: me.displayName },
        { key: "Email address", value: me.email },
        { key: "Role", value: roleLabels[me.role] ?? "None" },
      ]} />
      <ChangePassword errors={errors} setErrors={setErrors} />
      <Sessions user={me.name} here="/app/account" />
      <Tokens user={me.name} here="/app/account" version={tokensMade} />
      <NewToken errors={errors} setErrors={setErrors}
                onMade={() => setTokensMade((n) => n + 1)} />
    </>
  );
}

type PageErrors = { errors: FieldErrors; setErrors: (e: FieldErrors) => void };

function ChangePassword({ errors, setErrors }: PageErrors) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!current) found["current-password"] = "Enter your current password";
    if (!next) found["new-password"] = "Enter a new password";
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await users.changePassword({ currentPassword: current, newPassword: next });
      go("/app/account", "Your password is changed. You are signed out everywhere else");
    } catch (error) {
      // The password rules speak of "Password ..."; the wrong current
      // password is named by its field.
      const found = errorsOf(error, { current_password: "current-password" });
      const message = found[""];
      setErrors(message === undefined ? found
                : { [message.startsWith("Password") ? "new-password" : "current-password"]: message });
    }
  };

  return (
    <>
      <h2 class="govuk-heading-m">Change your password</h2>
      <form onSubmit={submit} noValidate>
        <TextField id="current-password" label="Current password" value={current}
                   onInput={setCurrent} errors={errors} type="password"
                   autocomplete="current-password" />
        <TextField id="new-password" label="New password" value={next} onInput={setNext}
                   errors={errors} type="password" autocomplete="new-password"
                   hint="At least 12 characters. A few words you will remember make a good one." />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          Change your password
        </button>
      </form>
    </>
  );
}

// `onMade` is told of each token made, so the list above shows it at once.
function NewToken({ errors, setErrors, onMade }: PageErrors & { onMade: () => void }) {
  const [label, setLabel] = useState("");
  const [secret, setSecret] = useState("");
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => { if (secret) panel.current?.focus(); }, [secret]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!label.trim()) return setErrors({ "token-name": "Enter a name for the token" });
    try {
      const made = await accessTokens.createAccessToken({
        accessToken: { displayName: label.trim() } });
      setErrors({});
      setSecret(made.secret);
      onMade();
    } catch (error) {
      const found = errorsOf(error, {});
      setErrors({ "token-name": found[""] ?? "" });
    }
  };

  if (secret) {
    return (
      <div class="govuk-panel govuk-panel--confirmation" tabIndex={-1} ref={panel}>
        <h2 class="govuk-panel__title">Your new token</h2>
        <div class="govuk-panel__body app-link-text"><code>{secret}</code></div>
        <p class="govuk-body app-panel-text">Copy it now: it is not shown again.</p>
      </div>
    );
  }
  return (
    <>
      <h3 class="govuk-heading-s">Make a token</h3>
      <form onSubmit={submit} noValidate>
        <TextField id="token-name" label="What it is for" value={label} onInput={setLabel}
                   errors={errors} hint="For example, laptop scripts" />
        <button type="submit" class="govuk-button govuk-button--secondary"
                data-module="govuk-button">Make a token</button>
      </form>
    </>
  );
}
