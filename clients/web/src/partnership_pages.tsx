// Partnerships: the list (programme leads), one partnership with its member
// organisations and its health checks, and the form that creates or edits
// one with its members.
import { useState } from "preact/hooks";
import { engagements, listAll, partnerships } from "./api";
import { Choice, ErrorSummary, errorsOf, type FieldErrors, newRequestId, TextField }
  from "./forms";
import { formatDay, kindLabels, sectorLabel, sectors, stageLabel } from "./format";
import { Sector } from "./gen/healthcheck/v1/common_pb";
import { type Partnership, PartnershipKind } from "./gen/healthcheck/v1/partnership_pb";
import { Loading, Problem } from "./layout";
import { BackLink, go } from "./navigation";
import { Pagination, pageSize, pageToken } from "./paging";
import { DataTable } from "./table";
import { useCall } from "./use_call";

export function PartnershipsPage() {
  const token = pageToken();
  const outcome = useCall(() => partnerships.listPartnerships({ pageSize, pageToken: token }),
                          token);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const list = outcome.value.partnerships;
  return (
    <>
      <h1 class="govuk-heading-xl">Partnerships</h1>
      <a href="/app/partnerships/new" role="button" draggable={false} class="govuk-button"
         data-module="govuk-button">Add a partnership</a>
      <DataTable caption="Partnerships, oldest first" empty="There are no partnerships yet."
        head={["Name", "Kind", "Area", "Members"]} numeric={[3]}
        rows={list.map((p) => [p.name,
          <a class="govuk-link" href={`/app/${p.name}`}>{p.displayName}</a>,
          kindLabels[p.kind] ?? "Not given", p.area || "Not given", p.members.length])} />
      <Pagination nextPageToken={outcome.value.nextPageToken} />
    </>
  );
}

// One partnership: who is in it and its health checks. `lead` shows what
// only a programme lead may do (edit, start a health check).
export function PartnershipPage({ id, lead }: { id: string; lead: boolean }) {
  const outcome = useCall(async () => {
    const name = `partnerships/${id}`;
    const partnership = await partnerships.getPartnership({ name });
    const checks = await listAll(async (pageToken) => {
      const r = await engagements.listEngagements({
        pageSize: 500, pageToken, filter: `partnership = "${name}"` });
      return [r.engagements, r.nextPageToken];
    });
    return { partnership, checks };
  }, id);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { partnership, checks } = outcome.value;
  return (
    <>
      {lead && <BackLink href="/app/partnerships">Back to partnerships</BackLink>}
      <span class="govuk-caption-xl">Partnership</span>
      <h1 class="govuk-heading-xl">{partnership.displayName}</h1>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Kind</dt>
          <dd class="govuk-summary-list__value">{kindLabels[partnership.kind] ?? "Not given"}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Area</dt>
          <dd class="govuk-summary-list__value">{partnership.area || "Not given"}</dd>
        </div>
      </dl>
      {lead && (
        <div class="govuk-button-group">
          <a href={`/app/partnerships/${id}/edit`} role="button" draggable={false}
             class="govuk-button govuk-button--secondary" data-module="govuk-button">
            Change the partnership
          </a>
          <a href={`/app/engagements/new?partnership=${id}`} role="button" draggable={false}
             class="govuk-button" data-module="govuk-button">Start a health check</a>
        </div>
      )}
      <h2 class="govuk-heading-l">Member organisations</h2>
      <ul class="govuk-list govuk-list--bullet">
        {partnership.members.map((m) => (
          <li key={m.displayName}>{m.displayName} ({sectorLabel(m.sector).toLowerCase()})</li>
        ))}
      </ul>
      <h2 class="govuk-heading-l">Health checks</h2>
      {checks.length === 0 ? <p class="govuk-body">There are no health checks yet.</p> : (
        <ul class="govuk-list">
          {checks.map((e) => (
            <li key={e.name}>
              <a class="govuk-link" href={`/app/${e.name}`}>
                Health check begun {formatDay(e.createTime)}
              </a>: {stageLabel(e.stage)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

type MemberRow = { name: string; sector: string };

// Creates a partnership, or edits the one named by `id`.
export function PartnershipFormPage({ id }: { id?: string }) {
  const existing = useCall(async () => id
    ? partnerships.getPartnership({ name: `partnerships/${id}` }) : null, id ?? "new");
  if (existing.state === "loading") return <Loading />;
  if (existing.state === "failed") return <Problem message={existing.problem} />;
  return <PartnershipForm existing={existing.value} />;
}

function PartnershipForm({ existing }: { existing: Partnership | null }) {
  const [displayName, setDisplayName] = useState(existing?.displayName ?? "");
  const [kind, setKind] = useState(existing ? String(existing.kind) : "");
  const [area, setArea] = useState(existing?.area ?? "");
  const [members, setMembers] = useState<MemberRow[]>(
    existing?.members.length
      ? existing.members.map((m) => ({ name: m.displayName, sector: String(m.sector) }))
      : [{ name: "", sector: "" }]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [requestId] = useState(newRequestId);
  const back = existing ? `/app/${existing.name}` : "/app/partnerships";

  const setMember = (i: number, change: Partial<MemberRow>) =>
    setMembers(members.map((m, j) => (j === i ? { ...m, ...change } : m)));

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!displayName.trim()) found["name"] = "Enter the partnership's name";
    if (!kind) found["kind"] = "Choose what kind of partnership it is";
    members.forEach((m, i) => {
      if (!m.name.trim()) found[`member-${i}`] = `Enter the name of organisation ${i + 1}`;
      else if (!m.sector) found[`member-${i}-sector`] = `Choose the sector of ${m.name.trim()}`;
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const partnership = {
      displayName: displayName.trim(), kind: Number(kind) as PartnershipKind, area: area.trim(),
      members: members.map((m) => ({ displayName: m.name.trim(),
                                     sector: Number(m.sector) as Sector })),
    };
    try {
      const saved = existing
        ? await partnerships.updatePartnership({
            partnership: { ...partnership, name: existing.name, etag: existing.etag },
            updateMask: { paths: ["display_name", "kind", "area", "members"] } })
        : await partnerships.createPartnership({ partnership, requestId });
      go(`/app/${saved.name}`, existing ? "The partnership is changed"
                                        : `${saved.displayName} is added`);
    } catch (error) {
      setErrors(errorsOf(error, { display_name: "name", kind: "kind", area: "area",
                                  members: "member-{i}", "members.display_name": "member-{i}",
                                  "members.sector": "member-{i}-sector" }));
    }
  };

  return (
    <>
      <BackLink href={back}>Back</BackLink>
      <ErrorSummary errors={errors} firstField="name" />
      <h1 class="govuk-heading-xl">{existing ? "Change the partnership" : "Add a partnership"}</h1>
      <form onSubmit={submit} noValidate>
        <TextField id="name" label="Name" value={displayName} onInput={setDisplayName}
                   errors={errors} />
        <Choice id="kind" label="Kind of partnership" value={kind} onChange={setKind}
                errors={errors}
                options={Object.entries(kindLabels).map(([value, text]) => [value, text])} />
        <TextField id="area" label="Area it serves (optional)" value={area} onInput={setArea}
                   errors={errors} />
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
            Member organisations
          </legend>
          {members.map((m, i) => (
            <div class="app-member-row" key={i}>
              <TextField id={`member-${i}`} label={`Organisation ${i + 1}`} value={m.name}
                         onInput={(name) => setMember(i, { name })} errors={errors} />
              <Choice id={`member-${i}-sector`} label={`Sector of organisation ${i + 1}`}
                      value={m.sector} onChange={(sector) => setMember(i, { sector })}
                      errors={errors}
                      options={sectors.map((s) => [String(s), sectorLabel(s)])} />
              {members.length > 1 && (
                <button type="button" class="govuk-button govuk-button--warning"
                        onClick={() => setMembers(members.filter((_, j) => j !== i))}>
                  Remove<span class="govuk-visually-hidden"> organisation {i + 1}</span>
                </button>
              )}
            </div>
          ))}
        </fieldset>
        <div class="govuk-button-group">
          <button type="button" class="govuk-button govuk-button--secondary"
                  onClick={() => setMembers([...members, { name: "", sector: "" }])}>
            Add another organisation
          </button>
        </div>
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {existing ? "Save changes" : "Add the partnership"}
        </button>
      </form>
    </>
  );
}
