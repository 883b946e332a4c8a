// A person's ways in: their browser sessions and their personal access
// tokens (for hcctl and scripts), each ended after a check. Shown to the
// person on their account page and to a programme lead on the person's page.
import { useState } from "preact/hooks";
import { accessTokens, listAll, users } from "./api";
import { errorsOf } from "./forms";
import { formatTime } from "./format";
import type { AccessToken } from "./gen/healthcheck/v1/access_pb";
import type { Session } from "./gen/healthcheck/v1/user_pb";
import { go } from "./navigation";
import { useCall } from "./use_call";

// A button that asks once more before it acts.
export function ConfirmButton({ label, confirm, act }: {
  label: string; confirm: string; act: () => Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState("");
  if (!asking) {
    return (
      <button type="button" class="govuk-button govuk-button--secondary"
              onClick={() => setAsking(true)}>{label}</button>
    );
  }
  return (
    <div class="govuk-button-group govuk-!-margin-bottom-0">
      <button type="button" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
              onClick={() => act().catch((e: unknown) => setProblem(errorsOf(e, {})[""] ?? ""))}>
        {confirm}
      </button>
      <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
              onClick={() => setAsking(false)}>Keep it</button>
      {problem && <p class="govuk-error-message" role="alert">{problem}</p>}
    </div>
  );
}

export function Sessions({ user, here }: { user: string; here: string }) {
  const outcome = useCall(() => listAll(async (pageToken) => {
    const r = await users.listSessions({ parent: user, pageSize: 100, pageToken });
    return [r.sessions, r.nextPageToken];
  }), user);
  if (outcome.state !== "done") return null;
  const list: Session[] = outcome.value;
  return (
    <>
      <h2 class="govuk-heading-m">Signed in</h2>
      {list.length === 0 ? <p class="govuk-body">Not signed in anywhere.</p> : (
        <ul class="govuk-list app-timeline">
          {list.map((s) => (
            <li key={s.name}>
              <p class="govuk-body govuk-!-margin-bottom-1">
                <strong>{s.current ? "This browser" : s.client || "A browser"}</strong>
              </p>
              <p class="govuk-body-s govuk-!-margin-bottom-2">
                Signed in {formatTime(s.createTime)}; last active {formatTime(s.lastActiveTime)};
                ends by {formatTime(s.expireTime)}
              </p>
              {!s.current && (
                <ConfirmButton label="Sign out there" confirm="Yes, sign out there"
                               act={async () => {
                                 await users.endSession({ name: s.name });
                                 go(here, "That session has ended");
                               }} />
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function Tokens({ user, here }: { user: string; here: string }) {
  const outcome = useCall(() => listAll(async (pageToken) => {
    const r = await accessTokens.listAccessTokens({ user, pageSize: 100, pageToken });
    return [r.accessTokens, r.nextPageToken];
  }), user);
  if (outcome.state !== "done") return null;
  const live: AccessToken[] = outcome.value.filter((t) => !t.revokeTime);
  return (
    <>
      <h2 class="govuk-heading-m">Personal access tokens</h2>
      <p class="govuk-body">For hcctl and scripts. Each acts as its person.</p>
      {live.length === 0 ? <p class="govuk-body">None.</p> : (
        <ul class="govuk-list app-timeline">
          {live.map((t) => (
            <li key={t.name}>
              <p class="govuk-body govuk-!-margin-bottom-1"><strong>{t.displayName}</strong></p>
              <p class="govuk-body-s govuk-!-margin-bottom-2">Made {formatTime(t.createTime)}</p>
              <ConfirmButton label={`Revoke ${t.displayName}`} confirm="Yes, revoke it"
                             act={async () => {
                               await accessTokens.revokeAccessToken({ name: t.name });
                               go(here, `The token ${t.displayName} is revoked`);
                             }} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
