// The questionnaire's results for the review team, once it has closed: the
// figures the report draws (each principle's median against its bands as a
// radar and a table, the answers to every statement, the levels side by
// side, the breakdowns k allows, the change since the last health check),
// the comments with the team's quotable mark, and Digging Deeper's action
// entries. The API gives them to the team only, and withholds every figure
// of a group smaller than k; this page shows what it is given.
import { Code, ConnectError } from "@connectrpc/connect";
import { useState } from "preact/hooks";
import { engagements, frameworks, listAll, problemOf, questionnaires } from "./api";
import { levelGroup, levelLabels, sectorGroup } from "./format";
import type { Framework } from "./gen/healthcheck/v1/framework_pb";
import { type ActionEntry, type Comment, type GroupResults, type QuestionnaireResults,
         RespondentLevel, type SectionResult } from "./gen/healthcheck/v1/questionnaire_pb";
import type { User } from "./gen/healthcheck/v1/user_pb";
import { Loading, Problem } from "./layout";
import { BackLink } from "./navigation";
import { DataTable } from "./table";
import { onTeamWriting } from "./team_access";
import { useCall } from "./use_call";

const figure = (x: number | undefined) => (x === undefined ? "-" : x.toFixed(1));
const signed = (x: number | undefined) =>
  x === undefined ? "-" : `${x > 0 ? "+" : ""}${x.toFixed(1)}`;

export function ResultsPage({ id, me }: { id: string; me: User }) {
  const outcome = useCall(async () => {
    const name = `engagements/${id}`;
    const parent = `${name}/questionnaire`;
    const engagement = await engagements.getEngagement({ name });
    let results: QuestionnaireResults | null = null;
    try {
      results = await questionnaires.getQuestionnaireResults({ name: parent });
    } catch (error) {
      // Before it closes there is nothing to show yet.
      if (!(error instanceof ConnectError && error.code === Code.FailedPrecondition)) throw error;
    }
    // Nothing more is asked unless the results are released: comments of
    // fewer than k people never reach this browser.
    if (!results?.released) {
      return { engagement, results, framework: null, comments: [], entries: [] };
    }
    // The benchmark version the partners answered, for its bands and words.
    const framework = await frameworks.getFramework({ name: results.framework });
    const [comments, entries] = await Promise.all([
      listAll<Comment>(async (pageToken) => {
        const r = await questionnaires.listComments({ parent, pageSize: 500, pageToken });
        return [r.comments, r.nextPageToken];
      }),
      framework.actionPlanning ? listAll<ActionEntry>(async (pageToken) => {
        const r = await questionnaires.listActionEntries({ parent, pageSize: 500, pageToken });
        return [r.actionEntries, r.nextPageToken];
      }) : Promise.resolve([])]);
    return { engagement, results, framework, comments, entries };
  }, id);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, framework, results, comments, entries } = outcome.value;
  const head = (
    <>
      <BackLink href={`/app/${engagement.name}/questionnaire`}>Back to the questionnaire</BackLink>
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">Questionnaire results</h1>
    </>
  );
  if (!results) {
    return <>{head}<p class="govuk-body">The results are shown once the questionnaire closes.</p></>;
  }
  if (!results.released || !framework) {
    return (
      <>
        {head}
        <p class="govuk-body">
          No figure is shown, so that no answer can be traced to a person: results need at least{" "}
          {results.minGroupSize} people to have answered.
        </p>
      </>
    );
  }
  const statementText = new Map([...framework.sections.flatMap((s) => s.statements),
                                  ...framework.overallStatements].map((s) => [s.code, s.text]));
  const aggregate = results.aggregate;
  return (
    <>
      {head}
      <p class="govuk-body-l">
        {results.respondents} people answered. Groups of fewer than {results.minGroupSize} are
        not shown, nor any figure that would let one be worked out.
      </p>
      {aggregate?.statistics && (
        <p class="govuk-body">
          All principles together: median {figure(aggregate.statistics.median)} of{" "}
          {aggregate.rangeMax}
          {aggregate.bandLabel ? <>, in the band "{aggregate.bandLabel}"
            {aggregate.bandText ? `: ${aggregate.bandText}` : "."}</> : "."}
        </p>
      )}
      {results.proposedFinding?.code && (
        <div class="govuk-inset-text">
          The scores suggest finding {results.proposedFinding.code}: {results.proposedFinding.text}{" "}
          This is a proposal for the team to test with the partners, not a conclusion.
        </div>
      )}

      <h2 class="govuk-heading-m">Each principle against its bands</h2>
      <Radar sections={results.sections} framework={framework} />
      <DataTable caption="Principles" empty="No principle has a total."
        head={["Principle", "Median", "Band", "Mean", "Middle half", "Agreement", "Incomplete"]}
        numeric={[1, 3, 6]}
        rows={results.sections.map((s) => [s.section, `${s.section}. ${s.title}`,
          figure(s.statistics?.median), s.bandLabel || "-", figure(s.statistics?.mean),
          s.statistics ? `${figure(s.statistics.q1)} to ${figure(s.statistics.q3)}` : "-",
          s.statistics ? `${Math.round(s.statistics.consensus * 100)}%` : "-", s.incomplete])} />

      <Distributions results={results} text={statementText} />
      <Levels results={results} />
      <Breakdown caption="By level" groups={results.byLevel} results={results}
                 label={levelGroup} />
      <Breakdown caption="By sector" groups={results.bySector} results={results}
                 label={sectorGroup} />
      <Breakdown caption="By organisation" groups={results.byOrganisation} results={results}
                 label={(g) => g} />
      <Change results={results} text={statementText} />
      <Comments comments={comments} marking={onTeamWriting(me, engagement)} />
      {framework.actionPlanning && <ActionEntries entries={entries} text={statementText} />}
    </>
  );
}

// Each principle's median as a point on its own axis, scaled from the
// lowest to the highest possible total, over the principle's band
// boundaries (dashed). The table after it gives the same figures.
function Radar({ sections, framework }: { sections: SectionResult[]; framework: Framework }) {
  const size = 320;
  const centre = size / 2;
  const radius = 110;
  const shown = sections.filter((s) => s.rangeMax > s.rangeMin);
  if (shown.length < 3) return null;
  // Where a share of the way from the centre to the frame lies on axis i.
  const point = (i: number, share: number) => {
    const angle = (2 * Math.PI * i) / shown.length - Math.PI / 2;
    return [centre + radius * share * Math.cos(angle), centre + radius * share * Math.sin(angle)];
  };
  const share = (s: SectionResult, score: number) =>
    Math.min(1, Math.max(0, (score - s.rangeMin) / (s.rangeMax - s.rangeMin)));
  // A principle nobody has a total for has no point; the medians are joined
  // only when every principle has one.
  const medians = shown.map((s) => (s.statistics ? share(s, s.statistics.median) : undefined));
  const polygon = (shares: number[]) =>
    shares.map((v, i) => point(i, v).map((c) => c.toFixed(1)).join(",")).join(" ");
  const bandsOf = (s: SectionResult) =>
    framework.sections.find((f) => f.code === s.section)?.bands ?? [];
  // The upper edge of each band but the top one, ring by ring.
  const rings = Math.max(0, ...shown.map((s) => bandsOf(s).length - 1));
  const described = shown.map((s) => (s.statistics
    ? `${s.section}: median ${figure(s.statistics.median)} of ${s.rangeMax}${
        s.bandLabel ? `, ${s.bandLabel}` : ""}`
    : `${s.section}: no total`)).join("; ");
  return (
    <figure class="app-chart">
      <svg viewBox={`0 0 ${size} ${size}`} role="img" aria-labelledby="radar-caption"
           width={size} height={size}>
        <polygon points={polygon(shown.map(() => 1))} class="app-chart__frame" />
        {Array.from({ length: rings }, (_, ring) => (
          <polygon key={ring} class="app-chart__band" points={polygon(shown.map((s) => {
            const bands = [...bandsOf(s)].sort((a, b) => a.minScore - b.minScore);
            const edge = bands[ring]?.maxScore;
            return edge === undefined ? 1 : share(s, edge + 0.5);
          }))} />
        ))}
        {shown.map((s, i) => {
          const [x, y] = point(i, 1);
          const [lx, ly] = point(i, 1.12);
          return (
            <g key={s.section}>
              <line x1={centre} y1={centre} x2={x} y2={y} class="app-chart__axis" />
              <text x={lx} y={ly} text-anchor="middle" dominant-baseline="middle"
                    class="app-chart__label">{s.section}</text>
            </g>
          );
        })}
        {medians.every((m) => m !== undefined) && (
          <polygon class="app-chart__value" points={polygon(medians as number[])} />
        )}
        {medians.map((m, i) => {
          if (m === undefined) return null;
          const [x, y] = point(i, m);
          return <circle key={i} cx={x} cy={y} r={3} class="app-chart__point" />;
        })}
      </svg>
      <figcaption id="radar-caption" class="govuk-body-s">
        The median total of each principle, numbered as in the table below, from the lowest
        possible total at the centre to the highest at the edge; dashed lines mark where one
        band ends and the next begins. {described}.
      </figcaption>
    </figure>
  );
}

function Distributions({ results, text }: {
  results: QuestionnaireResults; text: Map<string, string>;
}) {
  const points = results.statements[0]?.counts.map((c) => c.label) ?? [];
  const unanswered = results.statements.some((s) => s.unanswered > 0);
  return (
    <DataTable caption="How people answered each statement" empty="No statement was answered."
      head={["Statement", ...points, ...(unanswered ? ["No answer"] : []), "Spread"]}
      numeric={points.map((_, i) => i + 1).concat(unanswered ? [points.length + 1] : [])}
      rows={results.statements.map((s) => {
        const total = s.counts.reduce((sum, c) => sum + c.count, 0) + s.unanswered;
        return [s.statement, `${s.statement} ${text.get(s.statement) ?? ""}`,
          ...s.counts.map((c) => c.count), ...(unanswered ? [s.unanswered] : []),
          <Bar counts={s.counts.map((c) => c.count)} total={total} />];
      })} />
  );
}

// The share of each answer as one bar, drawn in SVG (the page's policy
// allows no inline style); the figures are in the row beside it.
function Bar({ counts, total }: { counts: number[]; total: number }) {
  let at = 0;
  return (
    <svg class="app-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"
         focusable="false">
      {counts.map((count, i) => {
        const width = total ? (100 * count) / total : 0;
        const x = at;
        at += width;
        return <rect key={i} x={x} y={0} width={width} height={10} class={`app-bar__part--${i % 5}`} />;
      })}
    </svg>
  );
}

function Levels({ results }: { results: QuestionnaireResults }) {
  const rows = [...(results.levelSpread?.sections ?? []),
                ...(results.levelSpread?.aggregate ? [results.levelSpread.aggregate] : [])];
  const levels = [RespondentLevel.BOARD, RespondentLevel.MANAGEMENT, RespondentLevel.FRONT_LINE]
    .filter((l) => rows.some((r) => r.levels.some((m) => m.level === l)));
  return (
    <DataTable caption="The levels side by side (mean totals)"
      empty="Fewer than two levels can be shown."
      head={["Principle", ...levels.map((l) => levelLabels[l]), "Largest difference"]}
      numeric={levels.map((_, i) => i + 1).concat([levels.length + 1])}
      rows={levels.length < 2 ? [] : rows.map((r) => [r.section || "all",
        r.section ? `${r.section}. ${r.title}` : "All principles",
        ...levels.map((l) => figure(r.levels.find((m) => m.level === l)?.mean)),
        r.highlighted ? <strong>{figure(r.largestDifference)} (far apart)</strong>
                      : figure(r.largestDifference)])} />
  );
}

// A breakdown's released groups as a table; the withheld ones named after
// it, with the reason the API gives them all (never which rule withheld
// which).
function Breakdown({ caption, groups, results, label }: {
  caption: string; groups: GroupResults[]; results: QuestionnaireResults;
  label: (group: string) => string;
}) {
  const sections = results.sections;
  const released = groups.filter((g) => g.released);
  const withheld = groups.filter((g) => !g.released);
  return (
    <>
      <DataTable caption={`${caption} (medians)`}
        empty={groups.length ? "No group is large enough to show." : "There is no group to show."}
        head={["Group", "People", ...sections.map((s) => `Principle ${s.section}`), "All"]}
        numeric={sections.map((_, i) => i + 2).concat([1, sections.length + 2])}
        rows={released.map((g) => [g.group, label(g.group), g.n,
          ...sections.map((s) => {
            const found = g.sections.find((x) => x.section === s.section);
            return found?.bandLabel ? `${figure(found.median)} (${found.bandLabel})`
                                    : figure(found?.median);
          }), figure(g.aggregate?.median)])} />
      {withheld.length > 0 && (
        <p class="govuk-body">
          Not shown: {withheld.map((g) => label(g.group)).join(", ")} ({withheld[0].withheldReason}).
        </p>
      )}
    </>
  );
}

function Change({ results, text }: { results: QuestionnaireResults; text: Map<string, string> }) {
  const change = results.changeSincePrevious;
  if (!change) {
    return (
      <>
        <h2 class="govuk-heading-m">Change since the last health check</h2>
        <p class="govuk-body">
          There is no earlier health check to compare with: none is recorded before this one, or
          it used another benchmark or had too few answers.
        </p>
      </>
    );
  }
  return (
    <>
      <DataTable caption="Change since the last health check (medians)"
        empty="No principle can be compared."
        head={["Principle", "Then", "Now", "Change"]} numeric={[1, 2, 3]}
        rows={[...change.sections, ...(change.aggregate ? [change.aggregate] : [])].map((c) => [
          c.section || "all", c.section ? `${c.section}. ${c.title}` : "All principles",
          `${figure(c.previousMedian)}${c.previousBand ? ` (${c.previousBand})` : ""}`,
          `${figure(c.currentMedian)}${c.currentBand ? ` (${c.currentBand})` : ""}`,
          signed(c.medianChange)])} />
      <DataTable caption="Change in each statement (mean answers)"
        empty="No statement can be compared."
        head={["Statement", "Then", "Now", "Change"]} numeric={[1, 2, 3]}
        rows={change.statements.map((s) => [s.statement,
          `${s.statement} ${text.get(s.statement) ?? ""}`, figure(s.previousMean),
          figure(s.currentMean), signed(s.meanChange)])} />
    </>
  );
}

// The respondents' comments, unattributed, in the API's order; the lead
// peer and peers mark which the report may quote.
function Comments({ comments, marking }: { comments: Comment[]; marking: boolean }) {
  const [quotable, setQuotable] = useState(
    () => new Map(comments.map((c) => [c.name, c.quotable])));
  const [asking, setAsking] = useState("");
  const [problem, setProblem] = useState("");
  const toggle = async (comment: Comment, i: number) => {
    setProblem("");
    setAsking(comment.name);
    const next = !quotable.get(comment.name);
    try {
      await questionnaires.setCommentQuotable({ name: comment.name, quotable: next });
      setQuotable((now) => new Map(now).set(comment.name, next));
    } catch (error) {
      setProblem(`Comment ${i + 1} could not be changed. ${problemOf(error)}`);
    } finally {
      setAsking("");
    }
  };
  return (
    <>
      <h2 class="govuk-heading-m">Comments</h2>
      {comments.length === 0 && <p class="govuk-body">No one left a comment.</p>}
      {problem && <p class="govuk-error-message" role="alert">{problem}</p>}
      <ul class="govuk-list app-comments">
        {comments.map((c, i) => (
          <li key={c.name}>
            <p class="govuk-body app-pre-line govuk-!-margin-bottom-1">{c.text}</p>
            <p class="govuk-body-s govuk-!-margin-bottom-1">
              {quotable.get(c.name) ? <strong class="govuk-tag govuk-tag--green">Quotable</strong>
                                    : "Not quoted in the report"}
            </p>
            {marking && (
              <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      disabled={asking !== ""} aria-disabled={asking !== ""}
                      onClick={() => void toggle(c, i)}>
                {quotable.get(c.name) ? "Do not quote" : "Mark as quotable"}
                <span class="govuk-visually-hidden"> comment {i + 1}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function ActionEntries({ entries, text }: { entries: ActionEntry[]; text: Map<string, string> }) {
  const codes = [...new Set(entries.map((e) => e.statementCode))];
  return (
    <>
      <h2 class="govuk-heading-m">Actions the partners suggest</h2>
      {codes.length === 0 && <p class="govuk-body">No one suggested an action.</p>}
      {codes.map((code) => (
        <section key={code}>
          <h3 class="govuk-heading-s">{code} {text.get(code) ?? ""}</h3>
          <ul class="govuk-list app-comments">
            {entries.filter((e) => e.statementCode === code).map((e) => (
              <li key={e.name}>
                {e.actionNeeded && <p class="govuk-body govuk-!-margin-bottom-1">
                  Action needed: {e.actionNeeded}</p>}
                {e.byWhom && <p class="govuk-body-s">By whom: {e.byWhom}</p>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
