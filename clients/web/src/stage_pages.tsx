// Changing an engagement's stage, behind a check-your-answers page that
// shows what will change and, when the API refuses, the guard's reason; and
// the history of its stages.
import { useState } from "preact/hooks";
import { engagements } from "./api";
import { ErrorSummary, errorsOf, type FieldErrors, SummaryList, TextArea } from "./forms";
import { formatDate, formatTime, personOf, stageLabel, teamRoleLabels } from "./format";
import { type Engagement, TeamRole } from "./gen/healthcheck/v1/engagement_pb";
import { Loading, Problem } from "./layout";
import { BackLink, go } from "./navigation";
import { Pagination, pageSize, pageToken } from "./paging";
import { type StageStep, stepBySlug } from "./stage_steps";
import { useCall } from "./use_call";

export function StagePage({ id, slug }: { id: string; slug: string }) {
  const step = stepBySlug(slug);
  const outcome = useCall(() => engagements.getEngagement({ name: `engagements/${id}` }), id);
  if (!step) return <Problem message="There is nothing at this address." />;
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  return <CheckStage step={step} engagement={outcome.value} />;
}

function CheckStage({ step, engagement }: { step: StageStep; engagement: Engagement }) {
  const partnershipName = engagement.partnershipDisplayName;
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const back = `/app/${engagement.name}`;
  const lead = engagement.team.find((m) => m.role === TeamRole.LEAD_PEER);
  const dates = engagement.keyDates;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (step.reason?.required && !reason.trim()) {
      setErrors({ reason: `Enter ${step.reason.label.toLowerCase()}` });
      return;
    }
    setSending(true);
    try {
      await step.run({ name: engagement.name, etag: engagement.etag, reason: reason.trim() });
      go(back, step.done);
    } catch (error) {
      setErrors(errorsOf(error, { reason: "reason" }));
      setSending(false);
    }
  };

  return (
    <>
      <BackLink href={back}>Back to the health check</BackLink>
      <ErrorSummary errors={errors} firstField={step.reason ? "reason" : "confirm"} />
      <span class="govuk-caption-l">{partnershipName}</span>
      <h1 class="govuk-heading-l">Check before you {step.title.charAt(0).toLowerCase() +
                                                   step.title.slice(1)}</h1>
      <SummaryList rows={[
        { key: "Health check of", value: partnershipName },
        { key: "Stage now", value: stageLabel(engagement.stage) },
        { key: "Stage after", value: step.to ? stageLabel(step.to) : "" },
        { key: "Lead peer", value: lead?.peerDisplayName ?? "Not chosen yet" },
        { key: "Team", value: `${engagement.team.length} ${
            engagement.team.length === 1 ? "person" : "people"}: ${
            engagement.team.map((m) => `${m.peerDisplayName} (${
              (teamRoleLabels[m.role] ?? "member").toLowerCase()})`).join(", ") || "none"}` },
        { key: "Fieldwork", value: [dates?.fieldworkDay1, dates?.fieldworkDay2,
                                    dates?.fieldworkDay3].map(formatDate).join(", ") },
      ]} />
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">Warning</span>
          A stage cannot be undone.
        </strong>
      </div>
      <form onSubmit={submit} noValidate>
        {step.reason && (
          <TextArea id="reason" label={step.reason.label} hint={step.reason.hint} value={reason}
                    onInput={setReason} errors={errors} />
        )}
        <button type="submit" id="confirm" class={`govuk-button${
                  step.slug === "cancel" ? " govuk-button--warning" : ""}`}
                data-module="govuk-button" disabled={sending} aria-disabled={sending}>
          Confirm: {step.action.charAt(0).toLowerCase() + step.action.slice(1)}
        </button>
        <p class="govuk-body"><a class="govuk-link" href={back}>Go back without changing it</a></p>
      </form>
    </>
  );
}

export function HistoryPage({ id }: { id: string }) {
  const token = pageToken();
  const outcome = useCall(async () => {
    const engagement = await engagements.getEngagement({ name: `engagements/${id}` });
    const list = await engagements.listEngagementTransitions({
      parent: engagement.name, pageSize, pageToken: token });
    return { partnershipName: engagement.partnershipDisplayName, list };
  }, `${id}|${token}`);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { partnershipName, list } = outcome.value;
  return (
    <>
      <BackLink href={`/app/engagements/${id}`}>Back to the health check</BackLink>
      <span class="govuk-caption-l">{partnershipName}</span>
      <h1 class="govuk-heading-l">History of its stages</h1>
      {list.transitions.length === 0 ? (
        <p class="govuk-body">It is still at its first stage, scoping.</p>
      ) : (
        <ol class="govuk-list app-timeline">
          {list.transitions.map((t, i) => (
            <li key={i}>
              <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
                {stageLabel(t.fromStage)} to {stageLabel(t.toStage).toLowerCase()}
              </h2>
              <p class="govuk-body-s govuk-!-margin-bottom-1">
                {formatTime(t.time)}, by {personOf(t.actor)}
              </p>
              {t.reason && <p class="govuk-body app-pre-line">{t.reason}</p>}
            </li>
          ))}
        </ol>
      )}
      <Pagination nextPageToken={list.nextPageToken} />
    </>
  );
}
