// A person's ways in: their browser sessions and their personal access
// tokens (for hcctl and scripts), each ended after a check. Shown to the
// person on their account page and to a programme lead on the person's page.
import { accessTokens, listAll, users } from "./api";
import { useRef } from "preact/hooks";
import { ConfirmButton } from "./forms";
import { formatTime } from "./format";
import type { AccessToken } from "./gen/healthcheck/v1/access_pb";
import type { Session } from "./gen/healthcheck/v1/user_pb";
import { go } from "./navigation";
import { useCall } from "./use_call";

// What a session's client is, in words a person knows ("Firefox on
// Windows"), from the User-Agent it sent (hcctl's begins "hcctl"). The first
// pattern that matches names it (Edge and Opera also say Chrome).
const browsers: [RegExp, string][] = [[/Edg\//, "Edge"], [/Firefox\//, "Firefox"],
  [/OPR\//, "Opera"], [/Chrom(e|ium)\//, "Chrome"], [/Safari\//, "Safari"]];
const systems: [RegExp, string][] = [[/Windows/, "Windows"], [/iPhone|iPad/, "iOS"],
  [/Mac OS X/, "macOS"], [/Android/, "Android"], [/CrOS/, "ChromeOS"], [/Linux/, "Linux"]];

function clientLabel(userAgent: string): string {
  if (userAgent.startsWith("hcctl")) return "hcctl command line";
  if (userAgent.startsWith("grpc-")) return "A program using the API";
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!browser) return "A browser we do not recognise";
  return system ? `${browser} on ${system}` : browser;
}

export function Sessions({ user, here }: { user: string; here: string }) {
  const outcome = useCall(() => listAll(async (pageToken) => {
    const r = await users.listSessions({ parent: user, pageSize: 100, pageToken });
    return [r.sessions, r.nextPageToken];
  }), user);
  if (outcome.state !== "done") return null;
  // This browser first, then the newest.
  const list: Session[] = [...outcome.value].sort((a, b) =>
    Number(b.current) - Number(a.current) ||
    Number((b.createTime?.seconds ?? 0n) - (a.createTime?.seconds ?? 0n)));
  return (
    <>
      <h2 class="govuk-heading-m">Signed in</h2>
      {list.length === 0 ? <p class="govuk-body">Not signed in anywhere.</p> : (
        <ul class="govuk-list app-timeline">
          {list.map((s) => (
            <li key={s.name}>
              <p class="govuk-body govuk-!-margin-bottom-1">
                <strong>{s.current ? "This browser" : clientLabel(s.client)}</strong>
              </p>
              <p class="govuk-body-s govuk-!-margin-bottom-2">
                Signed in {formatTime(s.createTime)}; last active {formatTime(s.lastActiveTime)};
                ends by {formatTime(s.expireTime)}
              </p>
              {!s.current && (
                <ConfirmButton label={<>Sign out there<span class="govuk-visually-hidden">
                                 {" "}({clientLabel(s.client)}, signed in {formatTime(s.createTime)})
                               </span></>} confirm="Yes, sign out there"
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

// `version` changes when a token is made on the same page, to list it anew.
export function Tokens({ user, here, version = 0 }: { user: string; here: string; version?: number }) {
  const outcome = useCall(() => listAll(async (pageToken) => {
    const r = await accessTokens.listAccessTokens({ user, pageSize: 100, pageToken });
    return [r.accessTokens, r.nextPageToken];
  }), `${user} ${version}`);
  // While a new list loads, the last one stays, so the section does not blink.
  const shown = useRef<AccessToken[] | null>(null);
  if (outcome.state === "done") shown.current = outcome.value;
  if (!shown.current) return null;
  const live: AccessToken[] = shown.current.filter((t) => !t.revokeTime);
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
