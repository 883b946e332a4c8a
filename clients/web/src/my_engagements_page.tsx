// A peer's home page: the health checks whose team they are on, each with
// its stage, their role, the next milestone and what is waiting for them
// (notes not yet uploaded from this browser, drafts for the lead peer to
// agree, a report version at their step); ended ones after.
import { engagements, feedback, listAll, problemOf, reports } from "./api";
import { SummaryCard } from "./forms";
import { formatDate, isPast, keyDateLabel, overdueWords, stageLabel, teamRoleLabels }
  from "./format";
import type { Date as ApiDate } from "./gen/healthcheck/v1/common_pb";
import { type Engagement, Stage } from "./gen/healthcheck/v1/engagement_pb";
import { ReportState } from "./gen/healthcheck/v1/report_pb";
import type { User } from "./gen/healthcheck/v1/user_pb";
import { Loading, Problem } from "./layout";
import { findingsOf } from "./findings_page";
import { entriesOf } from "./note_outbox";
import { isUnpublished } from "./report_pages";
import { hasEnded } from "./stage_steps";
import { DataTable } from "./table";
import { isLeadPeer, onTeamWriting, teamRoleOf } from "./team_access";
import { useCall } from "./use_call";

type Waiting = { text: string; href: string };

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// The first key date from today on, with its name.
function nextMilestone(e: Engagement): { label: string; date: ApiDate } | undefined {
  const dates = e.keyDates;
  if (!dates) return undefined;
  const order: [string, ApiDate | undefined][] = [
    ["questionnaire_open", dates.questionnaireOpen], ["questionnaire_close", dates.questionnaireClose],
    ["fieldwork_day1", dates.fieldworkDay1], ["fieldwork_day2", dates.fieldworkDay2],
    ["fieldwork_day3", dates.fieldworkDay3], ["feedback_date", dates.feedbackDate],
    ["report_due", dates.reportDue], ["plan_due", dates.planDue]];
  for (const [key, date] of order) {
    if (date && date.year !== 0 && !isPast(date)) return { label: keyDateLabel(key), date };
  }
  return undefined;
}

// What waits for `me` on an open engagement, read from the API (and this
// browser's outbox); a few calls per engagement, and a peer is on few.
async function waitingFor(me: User, e: Engagement): Promise<Waiting[]> {
  const base = `/app/${e.name}`;
  const waiting: Waiting[] = [];
  const held = (await entriesOf(e.name)).length;
  if (held) {
    waiting.push({ text: `${held} ${held === 1 ? "note" : "notes"} in this browser, not uploaded yet`,
                   href: `${base}/notes` });
  }
  if (!onTeamWriting(me, e)) return waiting;
  const lead = isLeadPeer(me, e);
  if (lead && (e.stage === Stage.FIELDWORK || e.stage === Stage.INITIAL_FEEDBACK ||
               e.stage === Stage.REPORT)) {
    const filter = "state = DRAFT";
    const [findings, recommendations] = await Promise.all([
      findingsOf(e.name, filter),
      listAll(async (pageToken) => {
        const r = await feedback.listRecommendations({ parent: e.name, pageSize: 500, pageToken,
                                                       filter });
        return [r.recommendations, r.nextPageToken];
      })]);
    const count = (n: number, noun: string) => (n ? `${n} ${noun}${n === 1 ? "" : "s"}` : "");
    const drafts = [count(findings.length, "finding"), count(recommendations.length,
                                                               "recommendation")]
      .filter(Boolean).join(" and ");
    if (drafts) waiting.push({ text: `${drafts} drafted, to agree`, href: `${base}/findings` });
  }
  if (e.stage === Stage.FIELDWORK && lead) {
    waiting.push({ text: "Give the initial feedback at the end of day 3", href: `${base}/feedback` });
  }
  if (e.stage === Stage.REPORT) {
    const versions = await listAll(async (pageToken) => {
      const r = await reports.listReports({ parent: e.name, pageSize: 500, pageToken });
      return [r.reports, r.nextPageToken];
    });
    const open = versions.find((r) => isUnpublished(r.state));
    const at = open ? `/app/${open.name}` : `${base}/reports`;
    if (!open) {
      waiting.push({ text: "Generate a version of the written report", href: `${base}/reports` });
    } else if (open.state === ReportState.DRAFT) {
      waiting.push({ text: `Submit version ${open.number} for the team's review`, href: at });
    } else if (open.state === ReportState.TEAM_REVIEW) {
      waiting.push({ text: lead ? `Send version ${open.number} to the partnership for its check`
                                : `Comment on version ${open.number} in the team's review`,
                     href: at });
    } else if (lead) {
      waiting.push({ text: `Publish version ${open.number} once the partnership has checked it`,
                     href: at });
    }
  }
  return waiting;
}

export function MyEngagementsPage({ me }: { me: User }) {
  const outcome = useCall(async () => {
    const all = await listAll<Engagement>(async (pageToken) => {
      const r = await engagements.listEngagements({ pageSize: 100, pageToken });
      return [r.engagements, r.nextPageToken];
    });
    const open = all.filter((e) => !hasEnded(e));
    // One health check's trouble does not hide the others.
    const waiting = await Promise.allSettled(open.map((e) => waitingFor(me, e)));
    return { open: open.map((e, i) => ({ e, waiting: waiting[i] })), closed: all.filter(hasEnded) };
  }, "mine");
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { open, closed } = outcome.value;
  return (
    <>
      <h1 class="govuk-heading-xl">My engagements</h1>
      {open.length === 0 && <p class="govuk-body">You are on no open health check's team.</p>}
      {open.map(({ e, waiting }) => {
        const next = nextMilestone(e);
        return (
          <SummaryCard key={e.name}
            title={<a class="govuk-link" href={`/app/${e.name}`}>{e.partnershipDisplayName}</a>}
            rows={[
              { key: "Your role", value: teamRoleLabels[teamRoleOf(me, e) ?? 0] ?? "Member" },
              { key: "Stage", value: stageLabel(e.stage) },
              { key: "Next milestone",
                value: next ? `${next.label}: ${formatDate(next.date)}` : "None" },
              ...(e.overdueDates.length
                ? [{ key: "Overdue", value: capitalised(overdueWords(e.overdueDates)) }] : []),
            ]}>
            <h3 class="govuk-heading-s">Waiting for you</h3>
            {waiting.status === "rejected" ? (
              <p class="govuk-body">{problemOf(waiting.reason)}</p>
            ) : waiting.value.length === 0 ? <p class="govuk-body">Nothing.</p> : (
              <ul class="govuk-list govuk-list--bullet">
                {waiting.value.map((w) => (
                  <li key={w.text}><a class="govuk-link" href={w.href}>{w.text}</a></li>
                ))}
              </ul>
            )}
          </SummaryCard>
        );
      })}
      <DataTable caption="Ended health checks" empty="None yet."
        head={["Partnership", "Stage"]}
        rows={closed.map((e) => [e.name,
          <a class="govuk-link" href={`/app/${e.name}`}>{e.partnershipDisplayName}</a>,
          stageLabel(e.stage)])} />
    </>
  );
}
