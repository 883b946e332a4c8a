// People (programme leads): who can sign in, in what role, and whether
// they have set a password yet; inviting someone gives their set-password
// link, shown once.
import { useState } from "preact/hooks";
import { partnerships, peers, users } from "./api";
import { ErrorSummary, errorsOf, type FieldErrors, TextField } from "./forms";
import { Role } from "./gen/healthcheck/v1/access_pb";
import { User_State } from "./gen/healthcheck/v1/user_pb";
import { Loading, Problem } from "./layout";
import { useCall } from "./use_call";

const roleLabels: Record<number, string> = {
  [Role.PROGRAMME_LEAD]: "Programme lead",
  [Role.PEER]: "Peer",
  [Role.PARTNERSHIP_CONTACT]: "Partnership contact",
};

export function PeoplePage() {
  const outcome = useCall(() => users.listUsers({ pageSize: 500 }), "people");
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const people = outcome.value.users;
  return (
    <>
      <h1 class="govuk-heading-xl">People</h1>
      <p class="govuk-body">Everyone who signs in to the service, and their role.</p>
      <a href="/app/people/invite" role="button" draggable={false} class="govuk-button"
         data-module="govuk-button">Invite someone</a>
      <div class="app-table-scroll" role="region" aria-label="People table" tabIndex={0}>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">
            {people.length} {people.length === 1 ? "person" : "people"}
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Name</th>
              <th scope="col" class="govuk-table__header">Email address</th>
              <th scope="col" class="govuk-table__header">Role</th>
              <th scope="col" class="govuk-table__header">Status</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {people.map((person) => (
              <tr class="govuk-table__row" key={person.name}>
                <th scope="row" class="govuk-table__header">{person.displayName}</th>
                <td class="govuk-table__cell">{person.email || "Not given yet"}</td>
                <td class="govuk-table__cell">{roleLabels[person.role] ?? "None"}</td>
                <td class="govuk-table__cell">
                  {person.state === User_State.SUSPENDED
                    ? <strong class="govuk-tag govuk-tag--red">Suspended</strong>
                    : person.hasPassword
                      ? <strong class="govuk-tag govuk-tag--green">Active</strong>
                      : <strong class="govuk-tag govuk-tag--yellow">Invited</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function InvitePage() {
  const choices = useCall(async () => ({
    peers: (await peers.listPeers({ pageSize: 500 })).peers,
    partnerships: (await partnerships.listPartnerships({ pageSize: 500 })).partnerships,
  }), "invite");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>(Role.UNSPECIFIED);
  const [peer, setPeer] = useState("");
  const [partnership, setPartnership] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [link, setLink] = useState<{ uri: string; person: string } | null>(null);
  if (choices.state === "loading") return <Loading />;
  if (choices.state === "failed") return <Problem message={choices.problem} />;

  if (link) {
    return (
      <>
        <div class="govuk-panel govuk-panel--confirmation">
          <h1 class="govuk-panel__title">{link.person} is invited</h1>
        </div>
        <p class="govuk-body">
          Give them this link. It works once, for 72 hours, and is not shown again:
        </p>
        <p class="govuk-body app-link-text"><code>{link.uri}</code></p>
        <p class="govuk-body"><a class="govuk-link" href="/app/people">Back to people</a></p>
      </>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!name.trim()) found["name"] = "Enter their full name";
    if (!email.trim()) found["email"] = "Enter their email address";
    if (role === Role.UNSPECIFIED) found["role"] = "Choose their role";
    if (role === Role.PEER && !peer) found["peer"] = "Choose which peer they are";
    if (role === Role.PARTNERSHIP_CONTACT && !partnership) {
      found["partnership"] = "Choose their partnership";
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const made = await users.createUser({
        user: {
          displayName: name, email, role,
          peer: role === Role.PEER ? peer : "",
          partnership: role === Role.PARTNERSHIP_CONTACT ? partnership : "",
        },
      });
      setLink({ uri: made.passwordLink?.uri ?? "", person: made.user?.displayName ?? name });
    } catch (error) {
      setErrors(errorsOf(error, { display_name: "name", email: "email", someone: "email",
                                  role: "role", peer: "peer", partnership: "partnership" }));
    }
  };

  const roleError = errors["role"];
  const { peers: peerList, partnerships: partnershipList } = choices.value;
  return (
    <>
      <a href="/app/people" class="govuk-back-link">Back to people</a>
      <ErrorSummary errors={errors} firstField="name" />
      <h1 class="govuk-heading-xl">Invite someone</h1>
      <form onSubmit={submit} noValidate>
        <TextField id="name" label="Full name" value={name} onInput={setName} errors={errors}
                   autocomplete="off" />
        <TextField id="email" label="Email address" value={email} onInput={setEmail}
                   errors={errors} type="email" autocomplete="off"
                   hint="They will sign in with it." />
        <div class={`govuk-form-group${roleError ? " govuk-form-group--error" : ""}`}>
          <fieldset class="govuk-fieldset" aria-describedby={roleError ? "role-error" : undefined}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Role</legend>
            {roleError && (
              <p id="role-error" class="govuk-error-message">
                <span class="govuk-visually-hidden">Error:</span> {roleError}
              </p>
            )}
            <div class="govuk-radios" data-module="govuk-radios">
              {[Role.PROGRAMME_LEAD, Role.PEER, Role.PARTNERSHIP_CONTACT].map((value, i) => (
                <div class="govuk-radios__item" key={value}>
                  <input class="govuk-radios__input" id={i === 0 ? "role" : `role-${i}`}
                         name="role" type="radio" checked={role === value}
                         onChange={() => setRole(value)} />
                  <label class="govuk-label govuk-radios__label"
                         for={i === 0 ? "role" : `role-${i}`}>{roleLabels[value]}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        {role === Role.PEER && (
          <Choice id="peer" label="Which peer they are" value={peer} onChange={setPeer}
                  errors={errors}
                  options={peerList.map((p) => [p.name, `${p.displayName}, ${p.homeOrganisation}`])} />
        )}
        {role === Role.PARTNERSHIP_CONTACT && (
          <Choice id="partnership" label="Their partnership" value={partnership}
                  onChange={setPartnership} errors={errors}
                  options={partnershipList.map((p) => [p.name, p.displayName])} />
        )}
        <button type="submit" class="govuk-button" data-module="govuk-button">
          Invite and show their link
        </button>
      </form>
    </>
  );
}

function Choice(props: {
  id: string; label: string; value: string; onChange: (value: string) => void;
  errors: FieldErrors; options: [string, string][];
}) {
  const error = props.errors[props.id];
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label class="govuk-label govuk-label--s" for={props.id}>{props.label}</label>
      {error && (
        <p id={`${props.id}-error`} class="govuk-error-message">
          <span class="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <select class={`govuk-select${error ? " govuk-select--error" : ""}`} id={props.id}
              value={props.value} aria-describedby={error ? `${props.id}-error` : undefined}
              onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        <option value="">Choose</option>
        {props.options.map(([value, text]) => <option value={value} key={value}>{text}</option>)}
      </select>
    </div>
  );
}
