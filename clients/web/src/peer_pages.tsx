// Peers (programme leads): the accredited peers who form review teams, with
// the list's filters (home sector, accreditation expiring by a date), and
// the form that adds one or changes their details and accreditation.
import { useState } from "preact/hooks";
import { peers } from "./api";
import { Choice, DateInput, type DateParts, dateOf, datePartsOf, ErrorSummary, errorsOf,
         type FieldErrors, newRequestId, TextArea, TextField } from "./forms";
import { formatDate, isPast, sectorLabel, sectors } from "./format";
import { Sector } from "./gen/healthcheck/v1/common_pb";
import type { Peer } from "./gen/healthcheck/v1/peer_pb";
import { Loading, Problem } from "./layout";
import { BackLink, go, queryParam } from "./navigation";
import { Pagination, pageSize, pageToken } from "./paging";
import { DataTable } from "./table";
import { useCall } from "./use_call";

// A peer's accreditation in words, with a tag when it has expired.
export function Accreditation({ peer }: { peer: Peer }) {
  if (!peer.accreditedDate || peer.accreditedDate.year === 0) {
    return <strong class="govuk-tag govuk-tag--grey">Not accredited</strong>;
  }
  if (isPast(peer.accreditationExpiryDate)) {
    return (
      <>
        <strong class="govuk-tag govuk-tag--red">Expired</strong>{" "}
        on {formatDate(peer.accreditationExpiryDate)}
      </>
    );
  }
  return <>Accredited until {formatDate(peer.accreditationExpiryDate)}</>;
}

export function PeersPage() {
  const sector = queryParam("sector");
  const expiresBy = queryParam("expires-by");
  const token = pageToken();
  const terms: string[] = [];
  if (sector && Sector[Number(sector)]) terms.push(`home_sector = SECTOR_${Sector[Number(sector)]}`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(expiresBy)) {
    terms.push(`accreditation_expiry_date < ${expiresBy}`);
  }
  const filter = terms.join(" AND ");
  const outcome = useCall(() => peers.listPeers({ pageSize, pageToken: token, filter }),
                          `${filter}|${token}`);
  const [sectorChoice, setSectorChoice] = useState(sector);
  return (
    <>
      <h1 class="govuk-heading-xl">Peers</h1>
      <a href="/app/peers/new" role="button" draggable={false} class="govuk-button"
         data-module="govuk-button">Add a peer</a>
      <form method="get" action="/app/peers" class="app-filters">
        <h2 class="govuk-heading-m">Filter</h2>
        <Choice id="sector" label="Home sector" value={sectorChoice} onChange={setSectorChoice}
                errors={{}}
                empty="Any sector" options={sectors.map((s) => [String(s), sectorLabel(s)])} />
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="expires-by">
            Accreditation ends before
          </label>
          <div id="expires-by-hint" class="govuk-hint">Peers whose accreditation ends before this day</div>
          <input class="govuk-input govuk-input--width-10" id="expires-by" name="expires-by"
                 type="date" value={expiresBy} aria-describedby="expires-by-hint" />
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary">Apply filters</button>
        {filter && <p class="govuk-body"><a class="govuk-link" href="/app/peers">Clear filters</a></p>}
      </form>
      {outcome.state === "loading" && <Loading />}
      {outcome.state === "failed" && <p class="govuk-body" role="alert">{outcome.problem}</p>}
      {outcome.state === "done" && (
        <>
          <DataTable caption="Peers, oldest first"
            empty={`No peers ${filter ? "match these filters" : "yet"}.`}
            head={["Name", "Home organisation", "Sector", "Accreditation"]}
            rows={outcome.value.peers.map((p) => [p.name,
              <a class="govuk-link" href={`/app/${p.name}/edit`}>{p.displayName}</a>,
              p.homeOrganisation, sectorLabel(p.homeSector), <Accreditation peer={p} />])} />
          <Pagination nextPageToken={outcome.value.nextPageToken} />
        </>
      )}
    </>
  );
}

// Adds a peer, or changes the one named by `id`.
export function PeerFormPage({ id }: { id?: string }) {
  const existing = useCall(async () => id ? peers.getPeer({ name: `peers/${id}` }) : null,
                           id ?? "new");
  if (existing.state === "loading") return <Loading />;
  if (existing.state === "failed") return <Problem message={existing.problem} />;
  return <PeerForm existing={existing.value} />;
}

function PeerForm({ existing }: { existing: Peer | null }) {
  const [displayName, setDisplayName] = useState(existing?.displayName ?? "");
  const [email, setEmail] = useState(existing?.email ?? "");
  const [organisation, setOrganisation] = useState(existing?.homeOrganisation ?? "");
  const [sector, setSector] = useState(existing ? String(existing.homeSector) : "");
  const [trained, setTrained] = useState<DateParts>(datePartsOf(existing?.trainedDate));
  const [accredited, setAccredited] = useState<DateParts>(datePartsOf(existing?.accreditedDate));
  const [expiry, setExpiry] = useState<DateParts>(datePartsOf(existing?.accreditationExpiryDate));
  const [skills, setSkills] = useState(existing?.skills.join("\n") ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [requestId] = useState(newRequestId);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!displayName.trim()) found["name"] = "Enter the peer's full name";
    if (!email.trim()) found["email"] = "Enter the peer's email address";
    if (!organisation.trim()) found["organisation"] = "Enter the organisation they work for";
    if (!sector) found["sector"] = "Choose the sector they work in";
    const dates = {
      trained: dateOf(trained, "The date they were trained"),
      accredited: dateOf(accredited, "The date they were accredited"),
      expiry: dateOf(expiry, "The date their accreditation ends"),
    };
    for (const [key, value] of Object.entries(dates)) {
      if (value.problem) found[key] = value.problem;
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    const peer = {
      displayName: displayName.trim(), email: email.trim(), homeOrganisation: organisation.trim(),
      homeSector: Number(sector) as Sector,
      trainedDate: dates.trained.date, accreditedDate: dates.accredited.date,
      accreditationExpiryDate: dates.expiry.date,
      skills: skills.split("\n").map((s) => s.trim()).filter(Boolean),
    };
    try {
      const saved = existing
        ? await peers.updatePeer({
            peer: { ...peer, name: existing.name, etag: existing.etag },
            updateMask: { paths: ["display_name", "email", "home_organisation", "home_sector",
                                  "trained_date", "accredited_date", "accreditation_expiry_date",
                                  "skills"] } })
        : await peers.createPeer({ peer, requestId });
      go("/app/peers", existing ? `${saved.displayName}'s details are changed`
                                : `${saved.displayName} is added`);
    } catch (error) {
      setErrors(errorsOf(error, {
        display_name: "name", email: "email", home_organisation: "organisation",
        home_sector: "sector", trained_date: "trained", accreditation_expiry_date: "expiry",
        accredited_date: "accredited", skills: "skills" }));
    }
  };

  return (
    <>
      <BackLink href="/app/peers">Back to peers</BackLink>
      <ErrorSummary errors={errors} firstField="name" />
      <h1 class="govuk-heading-xl">{existing ? `Change ${existing.displayName}` : "Add a peer"}</h1>
      <form onSubmit={submit} noValidate>
        <TextField id="name" label="Full name" value={displayName} onInput={setDisplayName}
                   errors={errors} />
        <TextField id="email" label="Email address" value={email} onInput={setEmail}
                   errors={errors} type="email" />
        <TextField id="organisation" label="Organisation they work for" value={organisation}
                   onInput={setOrganisation} errors={errors}
                   hint="A peer cannot review a partnership their organisation belongs to." />
        <Choice id="sector" label="Sector" value={sector} onChange={setSector} errors={errors}
                options={sectors.map((s) => [String(s), sectorLabel(s)])} />
        <DateInput id="trained" legend="Trained on (optional)" value={trained}
                   onChange={setTrained} errors={errors} hint="For example, 27 3 2025" />
        <DateInput id="accredited" legend="Accredited on (optional)" value={accredited}
                   onChange={setAccredited} errors={errors} />
        <DateInput id="expiry" legend="Accreditation ends on"
                   value={expiry} onChange={setExpiry} errors={errors}
                   hint="Needed once they are accredited. Only an accredited peer can be a lead peer or peer on a review team." />
        <TextArea id="skills" label="Skills (optional)" value={skills} onInput={setSkills}
                  errors={errors} rows={3} hint="One on each line, for example Safeguarding" />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {existing ? "Save changes" : "Add the peer"}
        </button>
      </form>
    </>
  );
}
