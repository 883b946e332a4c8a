// The review team's findings and recommendations (F1, R1, ...), each with
// its evidence and its state: the team's lead peer and peers draft, change
// and withdraw drafts; the lead peer agrees and reopens. What is agreed
// makes the initial feedback and the written report.
import type { ComponentChildren } from "preact";
import { engagements, feedback, listAll } from "./api";
import { benchmarkOf } from "./benchmark";
import { ConfirmButton, SummaryCard } from "./forms";
import { findingKindLabels, formatTime, priorityLabels } from "./format";
import type { Engagement } from "./gen/healthcheck/v1/engagement_pb";
import { type Finding, type Recommendation, ReviewState } from "./gen/healthcheck/v1/finding_pb";
import { Loading, Problem } from "./layout";
import { BackLink, go } from "./navigation";
import type { User } from "./gen/healthcheck/v1/user_pb";
import { hasEnded } from "./stage_steps";
import { isLeadPeer, onTeamWriting } from "./team_access";
import { useCall } from "./use_call";

const stateTags: Record<number, [string, string]> = {
  [ReviewState.DRAFT]: ["Draft", "govuk-tag--yellow"],
  [ReviewState.AGREED]: ["Agreed", "govuk-tag--green"],
  [ReviewState.WITHDRAWN]: ["Withdrawn", "govuk-tag--grey"],
};

// Every finding of an engagement, in number order; `filter` as the API's.
export async function findingsOf(engagement: string, filter = ""): Promise<Finding[]> {
  return listAll<Finding>(async (pageToken) => {
    const r = await feedback.listFindings({ parent: engagement, pageSize: 500, pageToken,
                                            filter });
    return [r.findings, r.nextPageToken];
  });
}

export function FindingsPage({ id, me }: { id: string; me: User }) {
  const outcome = useCall(async () => {
    const name = `engagements/${id}`;
    const [engagement, findings, recommendations, framework] = await Promise.all([
      engagements.getEngagement({ name }), findingsOf(name),
      listAll<Recommendation>(async (pageToken) => {
        const r = await feedback.listRecommendations({ parent: name, pageSize: 500, pageToken });
        return [r.recommendations, r.nextPageToken];
      }),
      benchmarkOf(name)]);
    return { engagement, findings, recommendations, framework };
  }, id);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, findings, recommendations, framework } = outcome.value;
  const base = `/app/${engagement.name}`;
  const open = !hasEnded(engagement);
  const drafts = onTeamWriting(me, engagement) && open;
  const agrees = isLeadPeer(me, engagement) && open;
  const people = new Map(engagement.team.map((m) => [m.peer, m.peerDisplayName]));
  const principle = new Map((framework?.sections ?? []).map((s) => [s.code,
                                                                     `${s.code}. ${s.title}`]));
  const labelOf = new Map(findings.map((f) => [f.name, `${f.label} ${f.title}`]));
  // "1 of 2 findings agreed", withdrawn ones left out.
  const agreed = (of: { state: ReviewState }[], noun: string) => {
    const live = of.filter((x) => x.state !== ReviewState.WITHDRAWN).length;
    return `${of.filter((x) => x.state === ReviewState.AGREED).length} of ${live} ${noun}${
      live === 1 ? "" : "s"}`;
  };
  const answerable = findings.some((f) => f.state !== ReviewState.WITHDRAWN);
  return (
    <>
      <BackLink href={base}>Back to the health check</BackLink>
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">Findings and recommendations</h1>
      <p class="govuk-body">
        {agreed(findings, "finding")} and {agreed(recommendations, "recommendation")} agreed.{" "}
        <a class="govuk-link" href={`${base}/feedback`}>See the initial feedback they make</a>
      </p>
      {drafts && (
        <div class="govuk-button-group">
          <a href={`${base}/findings/new`} role="button" draggable={false} class="govuk-button"
             data-module="govuk-button">Draft a finding</a>
          {answerable && (
            <a href={`${base}/recommendations/new`} role="button" draggable={false}
               class="govuk-button govuk-button--secondary" data-module="govuk-button">
              Draft a recommendation</a>
          )}
        </div>
      )}
      <h2 class="govuk-heading-l">Findings</h2>
      {findings.length === 0 && <p class="govuk-body">No finding is drafted yet.</p>}
      {findings.map((f) => (
        <Item key={f.name} item={f} title={f.title} drafts={drafts} people={people}
              rows={[
                ["Kind", findingKindLabels[f.kind] ?? ""],
                ["Principles", f.principles.map((p) => principle.get(p) ?? p).join("; ")],
                ["What the team found", <span class="app-pre-line">{f.narrative}</span>],
                ["Evidence", [
                  f.notes.length ? `${f.notes.length} ${f.notes.length === 1 ? "note" : "notes"}` : "",
                  f.questionnaireResults.length
                    ? `questionnaire results for ${f.questionnaireResults.map((c) =>
                        principle.get(c) ?? c).join("; ")}` : "",
                ].filter(Boolean).join("; ") || "None yet"],
              ]}>
          <Actions item={f} drafts={drafts} agrees={agrees} engagement={engagement}
                   agree={() => feedback.agreeFinding({ name: f.name, etag: f.etag })}
                   reopen={() => feedback.reopenFinding({ name: f.name, etag: f.etag })}
                   withdraw={() => feedback.withdrawFinding({ name: f.name, etag: f.etag })} />
        </Item>
      ))}
      <h2 class="govuk-heading-l">Recommendations</h2>
      {recommendations.length === 0 && <p class="govuk-body">No recommendation is drafted yet.</p>}
      {recommendations.map((r) => (
        <Item key={r.name} item={r} title={r.text} drafts={drafts} people={people}
              rows={[
                ["Priority", priorityLabels[r.priority] ?? ""],
                ["Answers", r.findings.map((f) => labelOf.get(f) ?? "A finding").join("; ")],
              ]}>
          <Actions item={r} drafts={drafts} agrees={agrees} engagement={engagement}
                   agree={() => feedback.agreeRecommendation({ name: r.name, etag: r.etag })}
                   reopen={() => feedback.reopenRecommendation({ name: r.name, etag: r.etag })}
                   withdraw={() => feedback.withdrawRecommendation({ name: r.name, etag: r.etag })} />
        </Item>
      ))}
    </>
  );
}

// What findings and recommendations share: their label, state and who
// drafted and agreed them.
type Reviewed = Pick<Finding, "name" | "label" | "state" | "author" | "createTime" | "agreedBy" |
                              "agreeTime">;

// One finding or recommendation as a summary card: its own `rows`, then who
// drafted and agreed it; a draft may be changed by the team (`drafts`).
function Item({ item, title, rows, drafts, people, children }: {
  item: Reviewed; title: string; rows: [string, ComponentChildren][]; drafts: boolean;
  people: Map<string, string>; children: ComponentChildren;
}) {
  const tag = stateTags[item.state];
  const shown = [
    ...rows,
    ["Drafted by", `${people.get(item.author) ?? "Someone no longer on the team"}, ${
      formatTime(item.createTime)}`],
    ...(item.agreedBy ? [["Agreed by", `${people.get(item.agreedBy) ?? "The lead peer"}, ${
      formatTime(item.agreeTime)}`] as [string, string]] : []),
  ];
  const change = drafts && item.state === ReviewState.DRAFT;
  return (
    <SummaryCard title={`${item.label} ${title.length > 120 ? `${title.slice(0, 117)}...` : title}`}
                 tag={tag && <strong class={`govuk-tag ${tag[1]}`}>{tag[0]}</strong>}
                 action={change ? { href: `/app/${item.name}`, text: "Change", about: item.label }
                                : undefined}
                 rows={shown.map(([key, value]) => ({ key, value }))} Heading="h3">
      {children}
    </SummaryCard>
  );
}

// Agree and reopen (the lead peer), withdraw a draft (the team), each asked
// once more; the page is read again after.
function Actions({ item, drafts, agrees, engagement, agree, reopen, withdraw }: {
  item: { label: string; state: ReviewState }; drafts: boolean; agrees: boolean;
  engagement: Engagement; agree: () => Promise<unknown>; reopen: () => Promise<unknown>;
  withdraw: () => Promise<unknown>;
}) {
  const back = `/app/${engagement.name}/findings`;
  const run = (call: () => Promise<unknown>, done: string) => async () => {
    await call();
    go(back, `${item.label} ${done}`);
  };
  const named = (words: string) => <>{words}<span class="govuk-visually-hidden"> {item.label}</span></>;
  return (
    <>
      {agrees && item.state === ReviewState.DRAFT && (
        <ConfirmButton label={named("Agree")} confirm={`Yes, agree ${item.label}`} warning={false}
                       act={run(agree, "is agreed")} />
      )}
      {agrees && item.state === ReviewState.AGREED && (
        <ConfirmButton label={named("Reopen")} confirm={`Yes, reopen ${item.label}`}
                       warning={false} act={run(reopen, "is reopened as a draft")} />
      )}
      {drafts && item.state === ReviewState.DRAFT && (
        <ConfirmButton label={named("Withdraw")} confirm={`Yes, withdraw ${item.label} for good`}
                       act={run(withdraw, "is withdrawn")} />
      )}
    </>
  );
}
