// One engagement: its partnership, stage, key dates and review team.
import { engagements, partnerships } from "./api";
import { formatDate, stageLabel } from "./format";
import { TeamRole } from "./gen/healthcheck/v1/engagement_pb";
import { Loading, Problem } from "./layout";
import { useCall } from "./use_call";

const roleLabels: Record<number, string> = {
  [TeamRole.LEAD_PEER]: "Lead peer",
  [TeamRole.PEER]: "Peer",
  [TeamRole.SHADOW]: "Shadow",
};

export function EngagementPage({ id }: { id: string }) {
  const outcome = useCall(async () => {
    const engagement = await engagements.getEngagement({ name: `engagements/${id}` });
    const partnership = await partnerships.getPartnership({ name: engagement.partnership });
    return { engagement, partnership };
  }, id);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, partnership } = outcome.value;
  const dates = engagement.keyDates;
  const rows: [string, string][] = [
    ["Stage", stageLabel(engagement.stage)],
    ["Questionnaire opens", formatDate(dates?.questionnaireOpen)],
    ["Questionnaire closes", formatDate(dates?.questionnaireClose)],
    ["Fieldwork", [dates?.fieldworkDay1, dates?.fieldworkDay2, dates?.fieldworkDay3]
                    .map(formatDate).join(", ")],
    ["Initial feedback", formatDate(dates?.feedbackDate)],
    ["Report due", formatDate(dates?.reportDue)],
    ["Improvement plan due", formatDate(dates?.planDue)],
  ];
  return (
    <>
      <a href="/" class="govuk-back-link">Back to engagements</a>
      <span class="govuk-caption-xl">Engagement</span>
      <h1 class="govuk-heading-xl">{partnership.displayName}</h1>
      <dl class="govuk-summary-list">
        {rows.map(([key, value]) => (
          <div class="govuk-summary-list__row" key={key}>
            <dt class="govuk-summary-list__key">{key}</dt>
            <dd class="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 class="govuk-heading-l">Review team</h2>
      {engagement.team.length === 0 ? (
        <p class="govuk-body">No one is on the team yet.</p>
      ) : (
        <ul class="govuk-list">
          {engagement.team.map((member) => (
            <li key={member.peer}>
              {member.peerDisplayName} ({roleLabels[member.role] ?? "Member"})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
