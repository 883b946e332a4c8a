// An engagement's questionnaire: setting it up (benchmark, window, k), the
// invitations uploaded as CSV before it opens with their links offered once
// as a CSV file, opening it, and the response rates with small groups
// withheld (only the overall figure until it closes). Nobody is shown who
// has answered.
import { type Timestamp, timestampFromMs } from "@bufbuild/protobuf/wkt";
import { ConnectError, Code } from "@connectrpc/connect";
import { useState } from "preact/hooks";
import { engagements, frameworks, listAll, questionnaires } from "./api";
import { Choice, ConfirmButton, DateInput, type DateParts, dateOf, datePartsOf, ErrorSummary, errorsOf, type FieldErrors,
         newRequestId, Radios, SummaryList, TextField } from "./forms";
import { formatTime, levelGroup, levelLabels, sectorGroup } from "./format";
import type { Engagement } from "./gen/healthcheck/v1/engagement_pb";
import type { Framework } from "./gen/healthcheck/v1/framework_pb";
import { Role } from "./gen/healthcheck/v1/access_pb";
import { type GroupRate, type Invitation, type Questionnaire, QuestionnaireState,
         type SmallGroup } from "./gen/healthcheck/v1/questionnaire_pb";
import type { User } from "./gen/healthcheck/v1/user_pb";
import { Loading, Problem } from "./layout";
import { BackLink, go } from "./navigation";
import { contributes, teamRoleOf } from "./team_access";
import { useCall, useObjectUrl } from "./use_call";

const stateLabels: Record<number, string> = {
  [QuestionnaireState.SCHEDULED]: "Not open yet",
  [QuestionnaireState.OPEN]: "Open",
  [QuestionnaireState.CLOSED]: "Closed",
};

// Whether invitations may be added: before it opens, or to one that opened
// with none (nobody can have answered it). Who is invited is then fixed.
function takesInvitations(q: Questionnaire): boolean {
  return q.state === QuestionnaireState.SCHEDULED ||
    (q.state === QuestionnaireState.OPEN && q.invitationCount === 0);
}

// The engagement and its questionnaire (null when none is set up yet).
function useQuestionnaire(id: string) {
  return useCall(async () => {
    const engagement = await engagements.getEngagement({ name: `engagements/${id}` });
    let questionnaire: Questionnaire | null = null;
    try {
      questionnaire = await questionnaires.getQuestionnaire({
        name: `${engagement.name}/questionnaire` });
    } catch (error) {
      if (!(error instanceof ConnectError && error.code === Code.NotFound)) throw error;
    }
    return { engagement, questionnaire };
  }, id);
}

export function QuestionnairePage({ id, me }: { id: string; me: User }) {
  const outcome = useQuestionnaire(id);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, questionnaire } = outcome.value;
  const back = `/app/${engagement.name}`;
  const contact = me.role === Role.PARTNERSHIP_CONTACT;
  if (!questionnaire) {
    if (contact) {
      return (
        <>
          <BackLink href={back}>Back to the health check</BackLink>
          <h1 class="govuk-heading-l">Questionnaire</h1>
          <p class="govuk-body">The questionnaire is not set up yet.</p>
        </>
      );
    }
    return <SetUpForm engagement={engagement} />;
  }
  return <QuestionnaireSummary engagement={engagement} questionnaire={questionnaire} me={me} />;
}

function QuestionnaireSummary({ engagement, questionnaire, me }: {
  engagement: Engagement; questionnaire: Questionnaire; me: User;
}) {
  const contact = me.role === Role.PARTNERSHIP_CONTACT;
  const rates = useCall(() => questionnaires.getResponseRates({ name: questionnaire.name }),
                        questionnaire.name);
  const framework = useCall(() => frameworks.getFramework({ name: questionnaire.framework }),
                            questionnaire.framework);
  const back = `/app/${engagement.name}`;
  const closed = questionnaire.state === QuestionnaireState.CLOSED;
  const scheduled = questionnaire.state === QuestionnaireState.SCHEDULED;
  return (
    <>
      <BackLink href={back}>Back to the health check</BackLink>
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">Questionnaire</h1>
      <SummaryList rows={[
        { key: "Benchmark", value: framework.state === "done"
            ? `${framework.value.displayName} (version ${framework.value.version})` : "" },
        { key: "Opens", value: formatTime(questionnaire.openTime) },
        { key: "Closes", value: formatTime(questionnaire.closedTime ?? questionnaire.closeTime) },
        { key: "State", value: stateLabels[questionnaire.state] ?? "" },
        { key: "Smallest group shown (k)", value: `${questionnaire.minGroupSize} respondents` },
        { key: "Comments", value: questionnaire.collectComments ? "Asked for" : "Not asked for" },
        { key: "Invitations", value: String(questionnaire.invitationCount) },
      ]} />
      <div class="govuk-button-group">
        {takesInvitations(questionnaire) && (
          <a href={`/app/${engagement.name}/questionnaire/invitations`} role="button"
             draggable={false} class="govuk-button" data-module="govuk-button">
            Add invitations
          </a>
        )}
        {!contact && questionnaire.state === QuestionnaireState.SCHEDULED && (
          <a href={`/app/${engagement.name}/questionnaire/change`} class="govuk-link">
            Change the set-up
          </a>
        )}
        {closed && teamRoleOf(me, engagement) !== undefined && (
          <a href={`/app/${engagement.name}/questionnaire/results`} class="govuk-link">
            See the results
          </a>
        )}
      </div>
      {scheduled && (
        <p class="govuk-inset-text">
          Invitations can be added until the questionnaire opens. Who is invited is then fixed,
          so that no group can grow once people have answered.
        </p>
      )}
      {scheduled && contributes(me, engagement) && questionnaire.invitationCount > 0 && (
        <ConfirmButton label="Open the questionnaire now" warning={false}
                       confirm="Yes, open it: no more invitations can be added"
                       act={async () => {
                         // A minute back, so that a browser clock a little
                         // behind the server's still opens it.
                         const now = timestampFromMs(Date.now() - 60_000);
                         const opened = await questionnaires.updateQuestionnaire({
                           questionnaire: { name: questionnaire.name, etag: questionnaire.etag,
                                            openTime: now },
                           updateMask: { paths: ["open_time"] } });
                         if (opened.state !== QuestionnaireState.OPEN) {
                           throw new Error("It did not open: check this computer's clock, " +
                                           "then try again.");
                         }
                         go(`/app/${engagement.name}/questionnaire`,
                            "The questionnaire is open");
                       }} />
      )}
      {questionnaire.state === QuestionnaireState.OPEN && contributes(me, engagement) && (
        <ConfirmButton label="Close the questionnaire now"
                       confirm="Yes, close it: no more answers are taken"
                       act={async () => {
                         await questionnaires.closeQuestionnaire({
                           name: questionnaire.name, etag: questionnaire.etag });
                         go(`/app/${engagement.name}/questionnaire`,
                            "The questionnaire is closed");
                       }} />
      )}
      <h2 class="govuk-heading-m">Response rates</h2>
      {rates.state === "loading" && <Loading />}
      {rates.state === "failed" && <p class="govuk-body">{rates.problem}</p>}
      {rates.state === "done" && (
        <>
          <p class="govuk-body">
            No figure is shown for a group of fewer than {rates.value.minGroupSize} respondents,
            nor one that would let such a group be worked out.
          </p>
          <RatesTable caption="Overall" rows={rates.value.overall ? [rates.value.overall] : []}
                      label={() => "Everyone invited"} />
          {!closed && (
            <p class="govuk-body">
              Figures by level, sector and organisation are shown once the questionnaire has
              closed: taken again and again while answers arrive, they could be compared to work
              out a small group's.
            </p>
          )}
          <RatesTable caption="By level" rows={rates.value.byLevel} label={levelGroup} />
          <RatesTable caption="By sector" rows={rates.value.bySector} label={sectorGroup} />
          <RatesTable caption="By organisation" rows={rates.value.byOrganisation} />
        </>
      )}
    </>
  );
}

function RatesTable({ caption, rows, label = (group) => group }: {
  caption: string; rows: GroupRate[]; label?: (group: string) => string;
}) {
  if (!rows.length) return null;
  return (
    <div class="app-table-scroll" role="region" aria-label={`Response rates ${caption.toLowerCase()}`}
         tabIndex={0}>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Group</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Invited</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Answered</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Rate</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {rows.map((r) => (
            <tr class="govuk-table__row" key={r.group}>
              <th scope="row" class="govuk-table__header">{label(r.group)}</th>
              {r.released ? (
                <>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{r.invitations}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{r.responses}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">
                    {r.invitations ? `${Math.round((100 * r.responses) / r.invitations)}%` : "-"}
                  </td>
                </>
              ) : (
                <td class="govuk-table__cell" colSpan={3}>
                  {r.withheldReason.charAt(0).toUpperCase() + r.withheldReason.slice(1)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// The start of a day, or its last second, in UTC (the server counts days in
// UTC, as the key dates do), as the API's Timestamp.
function timestampOf(date: { year: number; month: number; day: number }, endOfDay: boolean) {
  const at = endOfDay ? Date.UTC(date.year, date.month - 1, date.day, 23, 59, 59)
                      : Date.UTC(date.year, date.month - 1, date.day, 0, 0, 0);
  return { seconds: BigInt(at / 1000), nanos: 0 };
}

// The day of a moment in UTC, as the form shows it.
function utcDayOf(time: Timestamp | undefined) {
  if (!time) return undefined;
  const at = new Date(Number(time.seconds) * 1000);
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
}

// Sets up the questionnaire, or changes `existing` before it opens.
function SetUpForm({ engagement, existing }: {
  engagement: Engagement; existing?: Questionnaire;
}) {
  const choices = useCall(() => listAll(async (pageToken) => {
    const r = await frameworks.listFrameworks({ pageSize: 500, pageToken });
    return [r.frameworks, r.nextPageToken];
  }), "frameworks");
  const [framework, setFramework] = useState(existing?.framework ?? "");
  // The questionnaire window of the key dates, if set, to begin with.
  const [opens, setOpens] = useState<DateParts>(datePartsOf(
    existing ? utcDayOf(existing.openTime) : engagement.keyDates?.questionnaireOpen));
  const [closes, setCloses] = useState<DateParts>(datePartsOf(
    existing ? utcDayOf(existing.closeTime) : engagement.keyDates?.questionnaireClose));
  const [k, setK] = useState(String(existing?.minGroupSize ?? 5));
  const [comments, setComments] = useState<"yes" | "no" | "">(
    existing && !existing.collectComments ? "no" : "yes");
  const [errors, setErrors] = useState<FieldErrors>({});
  const back = `/app/${engagement.name}`;
  if (choices.state === "loading") return <Loading />;
  if (choices.state === "failed") return <Problem message={choices.problem} />;

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!framework) found["framework"] = "Choose the benchmark";
    const open = dateOf(opens, "The day it opens");
    const close = dateOf(closes, "The day it closes");
    if (open.problem) found["opens"] = open.problem;
    else if (!open.date) found["opens"] = "Enter the day it opens";
    if (close.problem) found["closes"] = close.problem;
    else if (!close.date) found["closes"] = "Enter the day it closes";
    if (!/^\d{1,3}$/.test(k.trim())) found["k"] = "The smallest group shown must be a whole number";
    setErrors(found);
    if (Object.keys(found).length || !open.date || !close.date) return;
    const questionnaire = {
      framework, openTime: timestampOf(open.date, false), closeTime: timestampOf(close.date, true),
      minGroupSize: Number(k), collectComments: comments === "yes" };
    try {
      if (existing) {
        await questionnaires.updateQuestionnaire({
          questionnaire: { ...questionnaire, name: existing.name, etag: existing.etag },
          updateMask: { paths: ["framework", "open_time", "close_time", "min_group_size",
                                "collect_comments"] } });
      } else {
        await questionnaires.createQuestionnaire({ parent: engagement.name, questionnaire });
      }
      go(`${back}/questionnaire`, existing ? "The questionnaire's set-up is changed"
                                           : "The questionnaire is set up");
    } catch (error) {
      setErrors(errorsOf(error, { framework: "framework", open_time: "opens",
                                  close_time: "closes", min_group_size: "k" }));
    }
  };

  const latest = latestVersions(choices.value);
  return (
    <>
      <BackLink href={back}>Back to the health check</BackLink>
      <ErrorSummary errors={errors} firstField="framework" />
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">
        {existing ? "Change the questionnaire's set-up" : "Set up the questionnaire"}
      </h1>
      <form onSubmit={submit} noValidate>
        <Choice id="framework" label="Benchmark" value={framework} onChange={setFramework}
                errors={errors}
                options={latest.map((f) => [f.name, `${f.displayName} (version ${f.version})`])} />
        <DateInput id="opens" legend="Opens on" value={opens} onChange={setOpens} errors={errors}
                   hint="It opens at the start of this day (UTC). For example, 1 2 2027" />
        <DateInput id="closes" legend="Closes on" value={closes} onChange={setCloses}
                   errors={errors}
                   hint="It closes at the end of this day (UTC), no later than fieldwork day 1." />
        <TextField id="k" label="Smallest group shown" value={k} onInput={setK} errors={errors}
                   width="3" hint="No figure is shown for fewer respondents than this. At least 3; usually 5." />
        <Radios id="comments" legend="Ask respondents for comments?" value={comments}
                onChange={setComments} errors={errors}
                options={[["yes", "Yes"], ["no", "No"]]} />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {existing ? "Save changes" : "Set up the questionnaire"}
        </button>
      </form>
    </>
  );
}

// Each benchmark that can be asked (every section has statements) once, at
// its latest version.
function latestVersions(list: Framework[]): Framework[] {
  const latest = new Map<string, Framework>();
  for (const f of list) {
    if (!f.sections.length || f.sections.some((s) => !s.statements.length)) continue;
    const seen = latest.get(f.frameworkId);
    if (!seen || seen.version < f.version) latest.set(f.frameworkId, f);
  }
  return [...latest.values()];
}

// Uploading invitations: a CSV file of organisation, level and count rows;
// the links come back once, offered as a CSV file to save and send.
export function InvitationsPage({ id }: { id: string }) {
  const outcome = useQuestionnaire(id);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [requestId] = useState(newRequestId);
  const [made, setMade] = useState<{ csv: string; count: number; small: SmallGroup[] } | null>(
    null);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, questionnaire } = outcome.value;
  const back = `/app/${engagement.name}/questionnaire`;
  if (!questionnaire) return <Problem message="The questionnaire is not set up yet." />;

  if (made) return <LinksReady engagement={engagement} {...made} />;
  if (!takesInvitations(questionnaire)) {
    return <Problem message={"The questionnaire has opened, so no more invitations can be " +
                             "added: who is invited was fixed when it opened."} />;
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return setErrors({ file: "Choose a CSV file of the people to invite" });
    if (file.size > 512 * 1024) return setErrors({ file: "The file must be smaller than 512 KB" });
    try {
      const response = await questionnaires.createInvitations({
        parent: questionnaire.name, csv: await file.text(), requestId });
      setMade({ csv: linksCsv(response.invitations), count: response.invitations.length,
                small: response.smallGroups });
    } catch (error) {
      // Every refusal is about the file.
      setErrors({ file: errorsOf(error, {})[""] });
    }
  };

  return (
    <>
      <BackLink href={back}>Back to the questionnaire</BackLink>
      <ErrorSummary errors={errors} firstField="file" />
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">Add invitations</h1>
      <p class="govuk-body">
        Upload a CSV file with a header row naming the columns organisation, level and count.
        Each organisation must be a member of the partnership; the level is board, management
        or front_line. For example:
      </p>
      <pre class="app-example"><code>{"organisation,level,count\nAnytown Council,board,3\n"}</code></pre>
      <form onSubmit={submit} noValidate>
        <div class={`govuk-form-group${errors["file"] ? " govuk-form-group--error" : ""}`}>
          <label class="govuk-label govuk-label--s" for="file">CSV file</label>
          {errors["file"] && (
            <p id="file-error" class="govuk-error-message">
              <span class="govuk-visually-hidden">Error:</span> {errors["file"]}
            </p>
          )}
          <input class={`govuk-file-upload${errors["file"] ? " govuk-file-upload--error" : ""}`}
                 id="file" name="file" type="file" accept=".csv,text/csv"
                 aria-describedby={errors["file"] ? "file-error" : undefined}
                 onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
        </div>
        <button type="submit" class="govuk-button" data-module="govuk-button">
          Create the invitations
        </button>
      </form>
    </>
  );
}

// The links as a CSV file: one row per invitation, with its organisation
// and level, quoted as RFC 4180 asks. A cell that a spreadsheet would read
// as a formula (=, +, -, @, tab, return first) is kept as text with a
// leading apostrophe, so an organisation's name can never run as one.
function linksCsv(invitations: Invitation[]): string {
  const quote = (text: string) =>
    `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
  const rows = invitations.map((i) =>
    [i.organisation, levelLabels[i.level] ?? "", i.link].map(quote).join(","));
  return ["organisation,level,link", ...rows].join("\r\n") + "\r\n";
}

function LinksReady({ engagement, csv, count, small }: {
  engagement: Engagement; csv: string; count: number; small: SmallGroup[];
}) {
  const href = useObjectUrl(csv, "text/csv");
  return (
    <>
      <div class="govuk-panel govuk-panel--confirmation">
        <h1 class="govuk-panel__title">{count} {count === 1 ? "invitation" : "invitations"} created</h1>
      </div>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">Warning</span>
          Save the links now: they are shown only once. Each works for one person, once.
        </strong>
      </div>
      <p class="govuk-body">
        <a class="govuk-link" href={href} download="invitation-links.csv">
          Download the links (CSV file)
        </a>
      </p>
      {small.length > 0 && (
        <>
          <h2 class="govuk-heading-m">Groups with few people invited</h2>
          <p class="govuk-body">
            These groups have fewer invitations than the smallest group shown. Their answers can
            never be shown on their own, and each stored answer's group narrows who gave it to
            those few people. If you can, invite more of them before the questionnaire opens.
          </p>
          <ul class="govuk-list govuk-list--bullet">
            {small.map((g) => (
              <li key={`${g.organisation}|${g.level}`}>
                {g.organisation}, {(levelLabels[g.level] ?? "").toLowerCase()}:{" "}
                {g.invitations} {g.invitations === 1 ? "invitation" : "invitations"}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={`/app/${engagement.name}/questionnaire`}>
          Back to the questionnaire
        </a>
      </p>
    </>
  );
}

// Changing the set-up before the questionnaire opens.
export function ChangeQuestionnairePage({ id }: { id: string }) {
  const outcome = useQuestionnaire(id);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, questionnaire } = outcome.value;
  if (!questionnaire) return <Problem message="The questionnaire is not set up yet." />;
  return <SetUpForm engagement={engagement} existing={questionnaire} />;
}
