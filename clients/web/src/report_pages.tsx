// The written report's versions: listed with their files to download, and
// one version read in the browser and commented on by section (the team in
// its review; the partnership during the factual-accuracy check).
import { useState } from "preact/hooks";
import { engagements, listAll, reports } from "./api";
import { Choice, ErrorSummary, errorsOf, type FieldErrors, newRequestId, SummaryList, TextArea }
  from "./forms";
import { formatTime } from "./format";
import { Role } from "./gen/healthcheck/v1/access_pb";
import { type Engagement, TeamRole } from "./gen/healthcheck/v1/engagement_pb";
import { type Report, ReportState } from "./gen/healthcheck/v1/report_pb";
import type { User } from "./gen/healthcheck/v1/user_pb";
import { Loading, Problem } from "./layout";
import { BackLink, go } from "./navigation";
import { Pagination, pageSize, pageToken } from "./paging";
import { useCall } from "./use_call";

const stateLabels: Record<number, string> = {
  [ReportState.DRAFT]: "Draft",
  [ReportState.TEAM_REVIEW]: "In the team's review",
  [ReportState.FACTUAL_CHECK]: "In the factual-accuracy check",
  [ReportState.PUBLISHED]: "Published",
  [ReportState.SUPERSEDED]: "Replaced by a later version",
  [ReportState.WITHDRAWN]: "Withdrawn",
};

// Whether comments are taken on a version in this state.
const openForComment = (state: ReportState) =>
  state === ReportState.TEAM_REVIEW || state === ReportState.FACTUAL_CHECK;

// Who may comment on a version: the partnership's contact, and the lead
// peer and peers of its team (not shadows, not programme leads).
function mayComment(me: User, engagement: Engagement): boolean {
  if (me.role === Role.PARTNERSHIP_CONTACT) return true;
  if (me.role !== Role.PEER) return false;
  const member = engagement.team.find((m) => m.peer === me.peer);
  return member !== undefined && member.role !== TeamRole.SHADOW;
}

// "/engagements/e1/reports/2.pdf": where the server sends a version's file.
const fileOf = (report: Report, kind: "pdf" | "html") => `/${report.name}.${kind}`;

function Files({ report }: { report: Report }) {
  return (
    <ul class="govuk-list">
      <li>
        <a class="govuk-link" href={fileOf(report, "html")} target="_blank" rel="noopener">
          Read version {report.number} in the browser (opens in a new tab)
        </a>
      </li>
      <li>
        <a class="govuk-link" href={fileOf(report, "pdf")} download>
          Download version {report.number} as a PDF
          ({Math.max(1, Math.round(Number(report.pdfSizeBytes) / 1024))} KB)
        </a>
      </li>
    </ul>
  );
}

export function ReportsPage({ id, me }: { id: string; me: User }) {
  const token = pageToken();
  const outcome = useCall(async () => {
    const engagement = await engagements.getEngagement({ name: `engagements/${id}` });
    const list = await reports.listReports({ parent: engagement.name, pageSize, pageToken: token });
    return { engagement, list };
  }, `${id}|${token}`);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, list } = outcome.value;
  const commenting = mayComment(me, engagement);
  return (
    <>
      <BackLink href={`/app/${engagement.name}`}>Back to the health check</BackLink>
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">Written reports</h1>
      {list.reports.length === 0 ? (
        <p class="govuk-body">There is no version of the report for you to see yet.</p>
      ) : list.reports.map((r) => (
        <div class="govuk-summary-card" key={r.name}>
          <div class="govuk-summary-card__title-wrapper">
            <h2 class="govuk-summary-card__title">Version {r.number}</h2>
            {openForComment(r.state) && (
              <ul class="govuk-summary-card__actions">
                <li class="govuk-summary-card__action">
                  <a class="govuk-link" href={`/app/${r.name}`}>
                    {commenting ? "Read and comment" : "Read the comments"}
                    <span class="govuk-visually-hidden"> on version {r.number}</span>
                  </a>
                </li>
              </ul>
            )}
          </div>
          <div class="govuk-summary-card__content">
            <SummaryList rows={[
              { key: "State", value: stateLabels[r.state] ?? "" },
              { key: "Made", value: formatTime(r.createTime) },
              ...(r.publishTime ? [{ key: "Published", value: formatTime(r.publishTime) }] : []),
              { key: "Comments", value: String(r.commentCount) },
            ]} />
            <Files report={r} />
          </div>
        </div>
      ))}
      <Pagination nextPageToken={list.nextPageToken} />
    </>
  );
}

// The report's sections, as its own headings name them: read from the
// version's HTML, so that a comment names a part the reader can find.
async function sectionsOf(report: Report): Promise<string[]> {
  const response = await fetch(fileOf(report, "html"), { credentials: "same-origin" });
  if (!response.ok) return [];
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  return [...page.querySelectorAll("h2")]
    .map((h) => (h.textContent ?? "").trim())
    .filter((text, i, all) => text && text !== "Contents" && all.indexOf(text) === i);
}

export function ReportPage({ id, number, me }: { id: string; number: string; me: User }) {
  const name = `engagements/${id}/reports/${number}`;
  const [errors, setErrors] = useState<FieldErrors>({});
  const outcome = useCall(async () => {
    const engagement = await engagements.getEngagement({ name: `engagements/${id}` });
    const report = await reports.getReport({ name });
    const comments = await listAll(async (pageToken) => {
      const r = await reports.listReportComments({ parent: name, pageSize: 500, pageToken });
      return [r.comments, r.nextPageToken];
    });
    const sections = await sectionsOf(report);
    return { engagement, report, comments, sections };
  }, name);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, report, comments, sections } = outcome.value;
  return (
    <>
      <BackLink href={`/app/${engagement.name}/reports`}>Back to the written reports</BackLink>
      <ErrorSummary errors={errors} firstField="comment" />
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">Version {report.number} of the report</h1>
      <p class="govuk-body">{stateLabels[report.state]}.</p>
      <Files report={report} />
      {openForComment(report.state) && mayComment(me, engagement) && (
        <CommentForm report={report} sections={sections} errors={errors} setErrors={setErrors} />
      )}
      <h2 class="govuk-heading-m">Comments</h2>
      {comments.length === 0 ? <p class="govuk-body">No comments yet.</p> : (
        <ul class="govuk-list app-comments">
          {comments.map((c) => (
            <li key={c.name}>
              <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{c.section || "The whole report"}</h3>
              <p class="govuk-body app-pre-line govuk-!-margin-bottom-1">{c.text}</p>
              <p class="govuk-body-s">{c.author}, {c.authorRole.toLowerCase()},{" "}
                {formatTime(c.createTime)}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

// The form's problems are the page's, so that their summary heads the page.
function CommentForm({ report, sections, errors, setErrors }: {
  report: Report; sections: string[]; errors: FieldErrors; setErrors: (e: FieldErrors) => void;
}) {
  const [section, setSection] = useState("");
  const [text, setText] = useState("");
  const [requestId] = useState(newRequestId);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return setErrors({ comment: "Enter your comment" });
    try {
      await reports.createReportComment({
        parent: report.name, comment: { section, text: text.trim() }, requestId });
      go(`/app/${report.name}`, section ? `Your comment on "${section}" is added`
                                        : "Your comment is added");
    } catch (error) {
      setErrors(errorsOf(error, { text: "comment", section: "section" }));
    }
  };

  return (
    <>
      <h2 class="govuk-heading-m">Add a comment</h2>
      <form onSubmit={submit} noValidate>
        <Choice id="section" label="Which part of the report it is about" value={section}
                onChange={setSection} errors={errors} empty="The whole report"
                options={sections.map((s) => [s, s])} />
        <TextArea id="comment" label="Your comment" value={text} onInput={setText}
                  errors={errors}
                  hint="For example, a fact that is wrong and what is right. The review team reads every comment." />
        <button type="submit" class="govuk-button" data-module="govuk-button">Add the comment</button>
      </form>
    </>
  );
}
