// People (programme leads): who can sign in, in what role, and whether
// they have set a password yet; inviting someone gives their set-password
// link, shown once.
import { useState } from "preact/hooks";
import { listAll, partnerships, peers, users } from "./api";
import { Sessions, Tokens } from "./credentials";
import { Choice, ConfirmButton, ErrorSummary, errorsOf, type FieldErrors, Radios, SummaryList, TextField }
  from "./forms";
import { roleLabels } from "./format";
import { Role } from "./gen/healthcheck/v1/access_pb";
import { User_State } from "./gen/healthcheck/v1/user_pb";
import type { Partnership } from "./gen/healthcheck/v1/partnership_pb";
import type { Peer } from "./gen/healthcheck/v1/peer_pb";
import type { User } from "./gen/healthcheck/v1/user_pb";
import { Loading, Problem } from "./layout";
import { BackLink, go } from "./navigation";
import { Pagination, pageSize, pageToken } from "./paging";
import { DataTable } from "./table";
import { useCall } from "./use_call";

export function PeoplePage() {
  const token = pageToken();
  const outcome = useCall(() => users.listUsers({ pageSize, pageToken: token }), token);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const people = outcome.value.users;
  return (
    <>
      <h1 class="govuk-heading-xl">People</h1>
      <p class="govuk-body">Everyone who signs in to the service, and their role.</p>
      <a href="/app/people/invite" role="button" draggable={false} class="govuk-button"
         data-module="govuk-button">Invite someone</a>
      <DataTable caption="People, oldest first" empty="No one yet."
        head={["Name", "Email address", "Role", "Status"]}
        rows={people.map((person) => [person.name,
          <a class="govuk-link" href={`/app/${person.name}`}>{person.displayName}</a>,
          person.email || "Not given yet", roleLabels[person.role] ?? "None",
          person.state === User_State.SUSPENDED
            ? <strong class="govuk-tag govuk-tag--red">Suspended</strong>
            : person.hasPassword
              ? <strong class="govuk-tag govuk-tag--green">Active</strong>
              : <strong class="govuk-tag govuk-tag--yellow">Invited</strong>])} />
      <Pagination nextPageToken={outcome.value.nextPageToken} />
    </>
  );
}

// What a person is: their name, email, role and, for a peer or a
// partnership contact, whom they are; as a form holds it.
type PersonDraft = { name: string; email: string; role: Role; peer: string; partnership: string };

function draftOf(user?: User): PersonDraft {
  return { name: user?.displayName ?? "", email: user?.email ?? "",
           role: user?.role ?? Role.UNSPECIFIED, peer: user?.peer ?? "",
           partnership: user?.partnership ?? "" };
}

function problemsOf(d: PersonDraft): FieldErrors {
  const found: FieldErrors = {};
  if (!d.name.trim()) found["name"] = "Enter their full name";
  if (!d.email.trim()) found["email"] = "Enter their email address";
  if (d.role === Role.UNSPECIFIED) found["role"] = "Choose their role";
  if (d.role === Role.PEER && !d.peer) found["peer"] = "Choose which peer they are";
  if (d.role === Role.PARTNERSHIP_CONTACT && !d.partnership) {
    found["partnership"] = "Choose their partnership";
  }
  return found;
}

function userOf(d: PersonDraft) {
  return { displayName: d.name.trim(), email: d.email.trim(), role: d.role,
           peer: d.role === Role.PEER ? d.peer : "",
           partnership: d.role === Role.PARTNERSHIP_CONTACT ? d.partnership : "" };
}

const personApiFields = { display_name: "name", email: "email", someone: "email", role: "role",
                          peer: "peer", partnership: "partnership" };

// The peers and partnerships a person may be bound to.
function usePersonChoices() {
  return useCall(async () => ({
    peers: await listAll(async (pageToken) => {
      const r = await peers.listPeers({ pageSize: 500, pageToken });
      return [r.peers, r.nextPageToken];
    }),
    partnerships: await listAll(async (pageToken) => {
      const r = await partnerships.listPartnerships({ pageSize: 500, pageToken });
      return [r.partnerships, r.nextPageToken];
    }),
  }), "person-choices");
}

function PersonFields({ draft, setDraft, errors, choices }: {
  draft: PersonDraft; setDraft: (d: PersonDraft) => void; errors: FieldErrors;
  choices: { peers: Peer[]; partnerships: Partnership[] };
}) {
  const set = (change: Partial<PersonDraft>) => setDraft({ ...draft, ...change });
  return (
    <>
      <TextField id="name" label="Full name" value={draft.name}
                 onInput={(name) => set({ name })} errors={errors} />
      <TextField id="email" label="Email address" value={draft.email}
                 onInput={(email) => set({ email })} errors={errors} type="email"
                 hint="They sign in with it." />
      <Radios id="role" legend="Role" value={draft.role} onChange={(role) => set({ role })}
              errors={errors}
              options={[Role.PROGRAMME_LEAD, Role.PEER, Role.PARTNERSHIP_CONTACT]
                .map((r) => [r, roleLabels[r]])} />
      {draft.role === Role.PEER && (
        <Choice id="peer" label="Which peer they are" value={draft.peer}
                onChange={(peer) => set({ peer })} errors={errors}
                options={choices.peers.map((p) => [p.name, `${p.displayName}, ${p.homeOrganisation}`])} />
      )}
      {draft.role === Role.PARTNERSHIP_CONTACT && (
        <Choice id="partnership" label="Their partnership" value={draft.partnership}
                onChange={(partnership) => set({ partnership })} errors={errors}
                options={choices.partnerships.map((p) => [p.name, p.displayName])} />
      )}
    </>
  );
}

export function InvitePage() {
  const choices = usePersonChoices();
  const [draft, setDraft] = useState<PersonDraft>(draftOf());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [link, setLink] = useState<{ uri: string; person: string } | null>(null);
  if (choices.state === "loading") return <Loading />;
  if (choices.state === "failed") return <Problem message={choices.problem} />;

  if (link) {
    return <LinkShown title={`${link.person} is invited`} uri={link.uri} back="/app/people" />;
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = problemsOf(draft);
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const made = await users.createUser({ user: userOf(draft) });
      setLink({ uri: made.passwordLink?.uri ?? "", person: made.user?.displayName ?? draft.name });
    } catch (error) {
      setErrors(errorsOf(error, personApiFields));
    }
  };

  return (
    <>
      <BackLink href="/app/people">Back to people</BackLink>
      <ErrorSummary errors={errors} firstField="name" />
      <h1 class="govuk-heading-xl">Invite someone</h1>
      <form onSubmit={submit} noValidate>
        <PersonFields draft={draft} setDraft={setDraft} errors={errors} choices={choices.value} />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          Invite and show their link
        </button>
      </form>
    </>
  );
}

// A link shown once: the person's set-password link, to give them.
function LinkShown({ title, uri, back }: { title: string; uri: string; back: string }) {
  return (
    <>
      <div class="govuk-panel govuk-panel--confirmation">
        <h1 class="govuk-panel__title">{title}</h1>
      </div>
      <p class="govuk-body">
        Give them this link. It works once, for 72 hours, and is not shown again:
      </p>
      <p class="govuk-body app-link-text"><code>{uri}</code></p>
      <p class="govuk-body"><a class="govuk-link" href={back}>Back to people</a></p>
    </>
  );
}

// One person (programme leads): their details, changed here; suspending or
// reactivating them; a new set-password link; their sessions and tokens.
export function PersonPage({ id }: { id: string }) {
  const outcome = useCall(() => users.getUser({ name: `users/${id}` }), id);
  const [link, setLink] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const person = outcome.value;
  const here = `/app/${person.name}`;
  if (link) {
    return <LinkShown title={`${person.displayName}'s new set-password link`} uri={link}
                      back={here} />;
  }
  const suspended = person.state === User_State.SUSPENDED;
  return (
    <>
      <BackLink href="/app/people">Back to people</BackLink>
      <ErrorSummary errors={errors} firstField="name" />
      <h1 class="govuk-heading-xl">{person.displayName}</h1>
      <SummaryList rows={[
        { key: "Role", value: roleLabels[person.role] ?? "None" },
        { key: "Status", value: suspended ? "Suspended"
            : person.hasPassword ? "Active" : "Invited: no password set yet" },
      ]} />
      {suspended ? (
        <ConfirmButton label="Reactivate" confirm={`Yes, reactivate ${person.displayName}`}
                       warning={false}
                       act={async () => {
                         await users.reactivateUser({ name: person.name });
                         go(here, `${person.displayName} can sign in again`);
                       }} />
      ) : (
        <ConfirmButton label="Suspend" confirm={`Yes, suspend ${person.displayName}`}
                       act={async () => {
                         await users.suspendUser({ name: person.name });
                         go(here, `${person.displayName} is suspended and signed out everywhere`);
                       }} />
      )}
      <ConfirmButton label="Make a new set-password link"
                     confirm="Yes, make a new link (older links stop working)"
                     act={async () => {
                       const made = await users.createPasswordLink({ user: person.name });
                       setLink(made.passwordLink?.uri ?? "");
                     }} />
      <EditPerson person={person} errors={errors} setErrors={setErrors} />
      <Sessions user={person.name} here={here} />
      <Tokens user={person.name} here={here} />
    </>
  );
}

// The form's problems are the page's, so that their summary heads the page.
function EditPerson({ person, errors, setErrors }: {
  person: User; errors: FieldErrors; setErrors: (e: FieldErrors) => void;
}) {
  const choices = usePersonChoices();
  const [draft, setDraft] = useState<PersonDraft>(draftOf(person));
  if (choices.state !== "done") return null;
  const submit = async (event: Event) => {
    event.preventDefault();
    const found = problemsOf(draft);
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await users.updateUser({
        user: { ...userOf(draft), name: person.name, etag: person.etag },
        updateMask: { paths: ["display_name", "email", "role"] } });
      go(`/app/${person.name}`, "Their details are changed");
    } catch (error) {
      setErrors(errorsOf(error, personApiFields));
    }
  };
  return (
    <>
      <h2 class="govuk-heading-m">Their details</h2>
      <form onSubmit={submit} noValidate>
        <PersonFields draft={draft} setDraft={setDraft} errors={errors} choices={choices.value} />
        <button type="submit" class="govuk-button govuk-button--secondary"
                data-module="govuk-button">Save their details</button>
      </form>
    </>
  );
}
