// Triangulation: for each principle of the benchmark, the evidence for and
// against by source and by sector, with the flags that say where to look
// further (thin, one-sided, heard from one sector, the questionnaire alone).
// The team follows a cell to its notes; the programme lead reads counts.
import type { ComponentChildren } from "preact";
import { engagements, evidence } from "./api";
import { sectorLabel, sourceKinds } from "./format";
import { Role } from "./gen/healthcheck/v1/access_pb";
import type { PrincipleEvidence } from "./gen/healthcheck/v1/evidence_pb";
import type { User } from "./gen/healthcheck/v1/user_pb";
import { Loading, Problem } from "./layout";
import { BackLink } from "./navigation";
import { DataTable } from "./table";
import { useCall } from "./use_call";

type Count = { positive: number; negative: number };

function Counts({ count, href }: { count: Count | undefined; href?: string }) {
  if (!count || count.positive + count.negative === 0) return <>-</>;
  const words = [count.positive ? `${count.positive} for` : "",
                 count.negative ? `${count.negative} against` : ""].filter(Boolean).join(", ");
  return href ? <a class="govuk-link" href={href}>{words}</a> : <>{words}</>;
}

function Flags({ p, threshold }: { p: PrincipleEvidence; threshold: number }) {
  const flags: [boolean, string, string][] = [
    [p.questionnaireOnly, "Questionnaire only", "only the questionnaire speaks to it"],
    [p.thin && !p.questionnaireOnly, "Thin", `fewer than ${threshold} notes`],
    [p.oneSided, "One-sided", "every note for, or every note against"],
    [p.singleSector, "One sector", "every note heard from one sector"],
  ];
  const raised = flags.filter(([on]) => on);
  if (!raised.length) return <>None</>;
  return (
    <ul class="govuk-list app-flags">
      {raised.map(([, tag, why]) => (
        <li key={tag}><strong class="govuk-tag govuk-tag--orange">{tag}</strong>{" "}
          <span class="govuk-body-s">{why}</span></li>
      ))}
    </ul>
  );
}

export function TriangulationPage({ id, me }: { id: string; me: User }) {
  const outcome = useCall(async () => {
    const name = `engagements/${id}`;
    const [engagement, triangulation] = await Promise.all([
      engagements.getEngagement({ name }),
      evidence.getTriangulation({ name: `${name}/triangulation` })]);
    return { engagement, triangulation };
  }, id);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, triangulation } = outcome.value;
  const notes = `/app/${engagement.name}/notes`;
  // Notes are the team's alone: the programme lead reads counts.
  const linked = me.role === Role.PEER;
  const link = (query: string) => (linked ? `${notes}?${query}` : undefined);
  const principles = triangulation.principles;
  const sectors = [...new Set(principles.flatMap((p) => p.bySector.map((s) => s.sector)))];
  // A principle's row header: its code and title in the flags table; in the
  // wide tables its code, the title said to screen readers only.
  const title = (p: PrincipleEvidence, short = false): ComponentChildren => {
    const text = short
      ? <>{p.sectionCode}<span class="govuk-visually-hidden">. {p.title}</span></>
      : `${p.sectionCode}. ${p.title}`;
    const href = link(`tag=${encodeURIComponent(p.sectionCode)}`);
    return href ? <a class="govuk-link" href={href}>{text}</a> : text;
  };
  const questionnaire = (p: PrincipleEvidence) =>
    p.bySource.find((s) => s.source === "QUESTIONNAIRE");
  return (
    <>
      <BackLink href={`/app/${engagement.name}`}>Back to the health check</BackLink>
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">Triangulation</h1>
      <p class="govuk-body">
        The evidence for and against each principle, by where it came from. Look further where
        a principle is flagged: a finding is strongest when several sources and sectors agree.
        {linked && " Each principle and each count by source leads to its notes."}
      </p>
      <DataTable caption="Flags" empty="The benchmark has no principles."
        head={["Principle", "Notes", "Look further"]} numeric={[1]}
        rows={principles.map((p) => [p.sectionCode, title(p), p.notes,
                                     <Flags p={p} threshold={triangulation.thinThreshold} />])} />
      <DataTable caption="By source" empty="The benchmark has no principles."
        head={["Principle", ...(linked ? ["Questionnaire"] : []),
               ...sourceKinds.map(([, label]) => label)]}
        rows={principles.map((p) => [p.sectionCode, title(p, true),
          // The questionnaire's reading is the team's alone.
          ...(linked ? [questionnaire(p) ? (questionnaire(p)?.positive ? "Positive" : "Negative")
                                         : "-"] : []),
          ...sourceKinds.map(([kind]) => (
            <Counts count={p.bySource.find((s) => s.source === kind)}
                    href={link(`tag=${encodeURIComponent(p.sectionCode)}&source=${kind}`)} />))])} />
      <DataTable caption="By sector of the people heard"
        empty="No note comes from an activity whose participants' sector is recorded."
        head={["Principle", ...sectors.map(sectorLabel)]}
        rows={sectors.length ? principles.map((p) => [p.sectionCode, title(p, true),
          ...sectors.map((sector) => <Counts count={p.bySector.find((s) => s.sector === sector)} />)])
          : []} />
    </>
  );
}
