// What the partnership sees of the team's work on site: the fieldwork plan
// as a three-day timetable with its calendar file, and the initial feedback
// once it is given.
import { ConnectError, Code } from "@connectrpc/connect";
import { engagements, feedback, fieldwork, listAll } from "./api";
import { activityKindLabels, clock, formatDate } from "./format";
import { type Activity, ActivityState } from "./gen/healthcheck/v1/fieldwork_pb";
import type { FeedbackPoint } from "./gen/healthcheck/v1/finding_pb";
import { Loading, Problem } from "./layout";
import { BackLink } from "./navigation";
import { useCall, useObjectUrl } from "./use_call";

export function FieldworkPage({ id }: { id: string }) {
  const outcome = useCall(async () => {
    const engagement = await engagements.getEngagement({ name: `engagements/${id}` });
    const all = await listAll<Activity>(async (pageToken) => {
      const r = await fieldwork.listActivities({ parent: engagement.name, pageSize: 500,
                                                 pageToken });
      return [r.activities, r.nextPageToken];
    });
    // The calendar needs the three fieldwork dates; until they are set there
    // is none to offer.
    const calendar = await fieldwork.exportTimetable({ parent: engagement.name }).catch(
      (error: unknown) => {
        if (error instanceof ConnectError && error.code === Code.FailedPrecondition) return null;
        throw error;
      });
    return { engagement, activities: all, calendar };
  }, id);
  // Every hook before the first return: the file's address, once loaded.
  const file = useObjectUrl(
    outcome.state === "done" ? outcome.value.calendar?.calendar ?? "" : "", "text/calendar");
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, activities, calendar } = outcome.value;
  const dates = engagement.keyDates;
  const days = [dates?.fieldworkDay1, dates?.fieldworkDay2, dates?.fieldworkDay3];
  return (
    <>
      <BackLink href={`/app/${engagement.name}`}>Back to the health check</BackLink>
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">Fieldwork plan</h1>
      {calendar ? (
        <p class="govuk-body">
          <a class="govuk-link" href={file} download={calendar.filename || "fieldwork.ics"}>
            Download the plan as a calendar file
          </a>{" "}(for Outlook and other calendars)
        </p>
      ) : (
        <p class="govuk-body">The calendar file is ready once the three fieldwork days are set.</p>
      )}
      {[1, 2, 3].map((day) => {
        const planned = activities.filter((a) => a.day === day)
          .sort((a, b) => clock(a.startTime).localeCompare(clock(b.startTime)));
        return (
          <section key={day}>
            <h2 class="govuk-heading-m">Day {day}: {formatDate(days[day - 1])}</h2>
            {planned.length === 0 ? <p class="govuk-body">Nothing planned yet.</p> : (
              <ul class="govuk-list app-timeline">
                {planned.map((a) => (
                  <li key={a.name}>
                    <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                      {clock(a.startTime)} to {clock(a.endTime)}: {a.title}
                      {a.state === ActivityState.CANCELLED &&
                        <> <strong class="govuk-tag govuk-tag--grey">Cancelled</strong></>}
                    </h3>
                    <p class="govuk-body govuk-!-margin-bottom-1">
                      {activityKindLabels[a.kind] ?? "Activity"}{a.place ? `, ${a.place}` : ""}
                    </p>
                    {a.participants.length > 0 && (
                      <p class="govuk-body-s">With: {a.participants.map((p) =>
                        [p.names.join(", ") || p.role, p.organisation].filter(Boolean).join(", "))
                        .join("; ")}</p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

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

export function FeedbackPage({ id }: { id: string }) {
  const outcome = useCall(async () => {
    const engagement = await engagements.getEngagement({ name: `engagements/${id}` });
    try {
      return { engagement, given: await feedback.getInitialFeedback({
        name: `${engagement.name}/initialFeedback` }) };
    } catch (error) {
      // Before it is given, a partnership contact has nothing to read.
      if (error instanceof ConnectError &&
          (error.code === Code.PermissionDenied || error.code === Code.FailedPrecondition ||
           error.code === Code.NotFound)) return { engagement, given: null };
      throw error;
    }
  }, id);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, given } = outcome.value;
  return (
    <>
      <BackLink href={`/app/${engagement.name}`}>Back to the health check</BackLink>
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">Initial feedback</h1>
      {!given || !given.given ? (
        <p class="govuk-body">
          The review team gives its initial feedback at the end of the third day on site. It
          will be here once given.
        </p>
      ) : (
        <>
          <p class="govuk-body">
            Given on {formatDate(given.givenOn)} by {given.givenBy}, against the{" "}
            {given.benchmark}.
          </p>
          {given.headline.map((line) => <p class="govuk-body-l" key={line}>{line}</p>)}
          {given.principles.map((p) => (
            <section key={p.sectionCode}>
              <h2 class="govuk-heading-m">{p.title}</h2>
              <Points title="Strengths" points={p.strengths} />
              <Points title="Areas for development" points={p.areasForDevelopment} />
            </section>
          ))}
          {given.remarks && (
            <>
              <h2 class="govuk-heading-m">Closing remarks</h2>
              <p class="govuk-body app-pre-line">{given.remarks}</p>
            </>
          )}
        </>
      )}
    </>
  );
}
