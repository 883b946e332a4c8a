// The initial feedback the lead peer gives at the end of day 3: before it is
// given, the team reads the draft composed from the agreed findings now and
// the lead peer gives it (the programme lead may record it as given from the
// health check's page, without seeing the draft); once given, everyone who
// may read the health check reads it as given.
import { ConnectError, Code } from "@connectrpc/connect";
import { engagements, feedback } from "./api";
import { formatDate } from "./format";
import { Stage } from "./gen/healthcheck/v1/engagement_pb";
import type { FeedbackPoint } from "./gen/healthcheck/v1/finding_pb";
import type { User } from "./gen/healthcheck/v1/user_pb";
import { Loading, Problem } from "./layout";
import { BackLink } from "./navigation";
import { isLeadPeer } from "./team_access";
import { useCall } from "./use_call";

function Points({ title, points }: { title: string; points: FeedbackPoint[] }) {
  if (!points.length) return null;
  return (
    <>
      <h3 class="govuk-heading-s">{title}</h3>
      <ul class="govuk-list">
        {points.map((p) => (
          <li key={p.label}>
            <p class="govuk-body govuk-!-margin-bottom-1"><strong>{p.label} {p.title}</strong></p>
            <p class="govuk-body app-pre-line">{p.narrative}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function FeedbackPage({ id, me }: { id: string; me: User }) {
  const outcome = useCall(async () => {
    const engagement = await engagements.getEngagement({ name: `engagements/${id}` });
    try {
      return { engagement, content: await feedback.getInitialFeedback({
        name: `${engagement.name}/initialFeedback` }) };
    } catch (error) {
      // Before it is given, a partnership contact has nothing to read.
      if (error instanceof ConnectError &&
          (error.code === Code.PermissionDenied || error.code === Code.FailedPrecondition ||
           error.code === Code.NotFound)) return { engagement, content: null };
      throw error;
    }
  }, id);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, content } = outcome.value;
  const gives = engagement.stage === Stage.FIELDWORK && isLeadPeer(me, engagement);
  return (
    <>
      <BackLink href={`/app/${engagement.name}`}>Back to the health check</BackLink>
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">Initial feedback</h1>
      {!content ? (
        <p class="govuk-body">
          The review team gives its initial feedback at the end of the third day on site. It
          will be here once given.
        </p>
      ) : content.given ? (
        <p class="govuk-body">
          Given on {formatDate(content.givenOn)} by {content.givenBy}, against the{" "}
          {content.benchmark}.
        </p>
      ) : (
        <>
          <div class="govuk-inset-text">
            This is a draft: the feedback as it would be given now, from the findings the team
            has agreed. Only the review team can see it. Agreeing or reopening a finding changes
            it until it is given.
          </div>
          {gives && (
            <a href={`/app/${engagement.name}/stage/initial-feedback`} role="button"
               draggable={false} class="govuk-button" data-module="govuk-button">
              Give the feedback
            </a>
          )}
        </>
      )}
      {content && (
        <>
          {content.headline.map((line) => <p class="govuk-body-l" key={line}>{line}</p>)}
          {content.principles.length === 0 && (
            <p class="govuk-body">No finding is agreed yet.</p>
          )}
          {content.principles.map((p) => (
            <section key={p.sectionCode}>
              <h2 class="govuk-heading-m">{p.title}</h2>
              <Points title="Strengths" points={p.strengths} />
              <Points title="Areas for development" points={p.areasForDevelopment} />
            </section>
          ))}
          {content.remarks && (
            <>
              <h2 class="govuk-heading-m">Closing remarks</h2>
              <p class="govuk-body app-pre-line">{content.remarks}</p>
            </>
          )}
        </>
      )}
    </>
  );
}
