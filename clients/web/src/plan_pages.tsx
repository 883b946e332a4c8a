// The improvement plan: its actions on the Digging Deeper scale and its
// check-ins; adding an action from a recommendation or a suggestion; one
// action with its progress updates, to which the partnership's contact adds.
import { useState } from "preact/hooks";
import { engagements, listAll, partnerships, plans } from "./api";
import { Choice, ConfirmButton, DateInput, type DateParts, dateOf, ErrorSummary, errorsOf, type FieldErrors,
         newRequestId, Radios, SummaryList, TextArea, TextField } from "./forms";
import { formatDate, formatTime, idOf } from "./format";
import { Role } from "./gen/healthcheck/v1/access_pb";
import { ActionStatus, type ActionSuggestion, PlanState }
  from "./gen/healthcheck/v1/improvement_plan_pb";
import { Stage } from "./gen/healthcheck/v1/engagement_pb";
import type { User } from "./gen/healthcheck/v1/user_pb";
import { Loading, Problem } from "./layout";
import { BackLink, go } from "./navigation";
import { Pagination, pageSize, pageToken } from "./paging";
import { DataTable } from "./table";
import { useCall } from "./use_call";

// The scale's words (seed 002).
const statusLabels: Record<number, string> = {
  [ActionStatus.ACTION_NEEDED]: "No: action is needed",
  [ActionStatus.ACTION_IN_HAND]: "No, but action is in hand",
  [ActionStatus.NEEDS_IMPROVING]: "Yes, but needs improving",
  [ActionStatus.WORKING_WELL]: "Yes: working well",
};
const statuses = [ActionStatus.ACTION_NEEDED, ActionStatus.ACTION_IN_HAND,
                  ActionStatus.NEEDS_IMPROVING, ActionStatus.WORKING_WELL];

const planOf = (id: string) => `engagements/${id}/improvementPlan`;

// The plan changes only while it is made (IMPROVEMENT_PLAN) and followed
// up (FOLLOW_UP); the server refuses every change otherwise.
const planOpen = (stage: Stage) => stage === Stage.IMPROVEMENT_PLAN || stage === Stage.FOLLOW_UP;

const allCheckIns = (id: string) => listAll(async (pageToken) => {
  const r = await plans.listCheckIns({ parent: planOf(id), pageSize: 50, pageToken });
  return [r.checkIns, r.nextPageToken];
});

export function PlanPage({ id, me }: { id: string; me: User }) {
  const token = pageToken();
  const outcome = useCall(async () => {
    const engagement = await engagements.getEngagement({ name: `engagements/${id}` });
    // The partnership sees its plan once the report is published.
    const published = [Stage.IMPROVEMENT_PLAN, Stage.FOLLOW_UP, Stage.CLOSED, Stage.CANCELLED]
      .includes(engagement.stage);
    if (me.role === Role.PARTNERSHIP_CONTACT && !published) {
      return { engagement, plan: null, actions: null, checkIns: [] };
    }
    const plan = await plans.getImprovementPlan({ name: planOf(id) });
    const actions = await plans.listActions({ parent: planOf(id), pageSize, pageToken: token });
    const checkIns = await allCheckIns(id);
    return { engagement, plan, actions, checkIns };
  }, `${id}|${token}`);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, plan, actions, checkIns } = outcome.value;
  if (!plan || !actions) {
    return (
      <>
        <BackLink href={`/app/${engagement.name}`}>Back to the health check</BackLink>
        <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
        <h1 class="govuk-heading-l">Improvement plan</h1>
        <p class="govuk-body">
          You make the improvement plan once the written report is published.
        </p>
      </>
    );
  }
  const open = planOpen(engagement.stage);
  const canAdd = me.role !== Role.PROGRAMME_LEAD && open;
  const lead = me.role === Role.PROGRAMME_LEAD;
  const draft = plan.state !== PlanState.APPROVED;
  return (
    <>
      <BackLink href={`/app/${engagement.name}`}>Back to the health check</BackLink>
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">Improvement plan</h1>
      <SummaryList rows={[
        { key: "State", value: plan.state === PlanState.APPROVED
            ? `Approved by ${plan.approvedBy} on ${formatTime(plan.approveTime)}` : "Draft" },
        { key: "Due", value: formatDate(plan.planDue) },
        { key: "Overdue actions", value: String(plan.overdueActions) },
      ]} />
      <div class="govuk-button-group">
        {canAdd && draft && (
          <a href={`/app/${engagement.name}/plan/actions/new`} role="button" draggable={false}
             class="govuk-button" data-module="govuk-button">Add an action</a>
        )}
        {lead && draft && engagement.stage === Stage.IMPROVEMENT_PLAN && (
          <a href={`/app/${engagement.name}/plan/approve`} role="button" draggable={false}
             class="govuk-button govuk-button--secondary" data-module="govuk-button">
            Approve the plan
          </a>
        )}
      </div>
      <DataTable caption="Actions" empty="There are no actions yet."
        head={["Action", "By whom", "Due", "Status"]}
        rows={actions.actions.map((a) => [a.name,
          <a class="govuk-link" href={`/app/engagements/${id}/plan/actions/${idOf(a.name)}`}>
            {a.label} {a.title}</a>,
          a.ownerOrganisation || "Not given",
          <>{formatDate(a.dueDate)}{a.overdue &&
            <> <strong class="govuk-tag govuk-tag--red">Overdue</strong></>}</>,
          statusLabels[a.status] ?? ""])} />
      <Pagination nextPageToken={actions.nextPageToken} />
      <h2 class="govuk-heading-m">Check-ins</h2>
      {checkIns.length === 0 ? (
        <p class="govuk-body">Check-ins are scheduled when the plan is approved.</p>
      ) : (
        <ul class="govuk-list">
          {checkIns.map((c) => (
            <li key={c.name}>
              {formatDate(c.scheduledDate)}: {c.heldDate
                ? `held on ${formatDate(c.heldDate)} by ${c.heldBy}. ${c.notes}`
                : c.overdue ? "overdue" : "to come"}
              {lead && open && !c.heldDate && (
                <> <a class="govuk-link" href={`/app/engagements/${id}/plan/${
                     c.name.slice(c.name.indexOf("checkIns/"))}`}>
                  Record it as held<span class="govuk-visually-hidden">: the check-in of{" "}
                  {formatDate(c.scheduledDate)}</span></a></>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

// A suggestion in words: "R1: Agree a shared..." or "3.2: ...".
function suggestionText(s: ActionSuggestion): string {
  const label = s.recommendationLabel || s.statementCode;
  return label ? `${label}: ${s.text}` : s.text;
}

export function NewActionPage({ id }: { id: string }) {
  const outcome = useCall(async () => {
    const engagement = await engagements.getEngagement({ name: `engagements/${id}` });
    const partnership = await partnerships.getPartnership({ name: engagement.partnership });
    const suggestions = await plans.listActionSuggestions({ parent: planOf(id) });
    return { engagement, partnership, suggestions: suggestions.suggestions };
  }, id);
  const [from, setFrom] = useState("");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [owner, setOwner] = useState("");
  const [due, setDue] = useState<DateParts>({ day: "", month: "", year: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [requestId] = useState(newRequestId);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, partnership, suggestions } = outcome.value;
  const back = `/app/${engagement.name}/plan`;
  const chosen = from === "" ? undefined : suggestions[Number(from)];

  const choose = (value: string) => {
    setFrom(value);
    const s = value === "" ? undefined : suggestions[Number(value)];
    if (s && !description) setDescription(s.text);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!title.trim()) found["title"] = "Enter what is to be done, in one line";
    const date = dateOf(due, "The due date");
    if (date.problem) found["due"] = date.problem;
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await plans.createAction({
        parent: planOf(id), requestId, sourceActionEntry: chosen?.actionEntry ?? "",
        action: { title: title.trim(), description: description.trim(),
                  recommendation: chosen?.recommendation ?? "",
                  statementCode: chosen?.recommendation ? "" : chosen?.statementCode ?? "",
                  ownerOrganisation: owner, dueDate: date.date,
                  status: ActionStatus.ACTION_NEEDED } });
      go(back, `The action "${title.trim()}" is added`);
    } catch (error) {
      setErrors(errorsOf(error, { title: "title", description: "description",
                                  owner_organisation: "owner", due_date: "due",
                                  recommendation: "from", statement_code: "from" }));
    }
  };

  return (
    <>
      <BackLink href={back}>Back to the improvement plan</BackLink>
      <ErrorSummary errors={errors} firstField="title" />
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">Add an action</h1>
      <form onSubmit={submit} noValidate>
        {suggestions.length > 0 && (
          <Choice id="from" label="What it answers (optional)" value={from} onChange={choose}
                  errors={errors} empty="Nothing in particular"
                  hint="A recommendation of the report, or a possible action of the benchmark."
                  options={suggestions.map((s, i) => [String(i), suggestionText(s)])} />
        )}
        <TextField id="title" label="What is to be done" value={title} onInput={setTitle}
                   errors={errors} hint="One line, for example: Agree a shared data protocol" />
        <TextArea id="description" label="More detail (optional)" value={description}
                  onInput={setDescription} errors={errors} />
        <Choice id="owner" label="By whom" value={owner} onChange={setOwner} errors={errors}
                hint="Needed before the plan can be approved."
                options={partnership.members.map((m) => [m.displayName, m.displayName])} />
        <DateInput id="due" legend="Due by" value={due} onChange={setDue} errors={errors}
                   hint="Needed before the plan can be approved. For example, 31 3 2027" />
        <button type="submit" class="govuk-button" data-module="govuk-button">Add the action</button>
      </form>
    </>
  );
}

export function ActionPage({ id, action, me }: { id: string; action: string; me: User }) {
  const name = `${planOf(id)}/actions/${action}`;
  const [errors, setErrors] = useState<FieldErrors>({});
  const outcome = useCall(async () => {
    const engagement = await engagements.getEngagement({ name: `engagements/${id}` });
    const found = await plans.getAction({ name });
    const updates = await listAll(async (pageToken) => {
      const r = await plans.listProgressUpdates({ parent: name, pageSize: 500, pageToken });
      return [r.progressUpdates, r.nextPageToken];
    });
    return { engagement, action: found, updates };
  }, name);
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, action: a, updates } = outcome.value;
  return (
    <>
      <BackLink href={`/app/${engagement.name}/plan`}>Back to the improvement plan</BackLink>
      <ErrorSummary errors={errors} firstField="progress" />
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">{a.label} {a.title}</h1>
      <SummaryList rows={[
        { key: "Detail", value: <span class="app-pre-line">{a.description || "None given"}</span> },
        { key: "By whom", value: a.ownerOrganisation || "Not given" },
        { key: "Due", value: formatDate(a.dueDate) + (a.overdue ? " (overdue)" : "") },
        { key: "Status", value: statusLabels[a.status] ?? "" },
        ...(a.verifiedBy ? [{ key: "Verified", value: `by ${a.verifiedBy}, ${
            formatTime(a.verifyTime)}` }] : []),
      ]} />
      {me.role === Role.PROGRAMME_LEAD && planOpen(engagement.stage) &&
       a.status === ActionStatus.WORKING_WELL && !a.verifiedBy && (
        <ConfirmButton label="Verify that it is done" confirm="Yes, it is done" warning={false}
                       act={async () => {
                         await plans.verifyAction({ name: a.name, etag: a.etag });
                         go(`/app/engagements/${id}/plan/actions/${action}`, "The action is verified");
                       }} />
      )}
      <h2 class="govuk-heading-m">Progress</h2>
      {updates.length === 0 ? <p class="govuk-body">No progress recorded yet.</p> : (
        <ol class="govuk-list app-timeline">
          {updates.map((u) => (
            <li key={u.name}>
              <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                {formatTime(u.createTime)}: {statusLabels[u.status]}
              </h3>
              <p class="govuk-body app-pre-line govuk-!-margin-bottom-1">{u.text}</p>
              {u.evidence && <p class="govuk-body app-pre-line govuk-!-margin-bottom-1">
                Evidence: {u.evidence}</p>}
              <p class="govuk-body-s">By {u.author}</p>
            </li>
          ))}
        </ol>
      )}
      {me.role === Role.PARTNERSHIP_CONTACT && planOpen(engagement.stage) && (
        <ProgressForm action={name} engagementId={id} actionId={action} errors={errors}
                      setErrors={setErrors} />
      )}
    </>
  );
}

// The form's problems are the page's, so that their summary heads the page.
function ProgressForm({ action, engagementId, actionId, errors, setErrors }: {
  action: string; engagementId: string; actionId: string;
  errors: FieldErrors; setErrors: (e: FieldErrors) => void;
}) {
  const [text, setText] = useState("");
  const [evidence, setEvidence] = useState("");
  const [status, setStatus] = useState<ActionStatus>(ActionStatus.ACTION_STATUS_UNSPECIFIED);
  const [requestId] = useState(newRequestId);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!text.trim()) found["progress"] = "Enter what has happened";
    if (status === ActionStatus.ACTION_STATUS_UNSPECIFIED) found["status"] = "Choose where it stands now";
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await plans.createProgressUpdate({
        parent: action, requestId,
        progressUpdate: { text: text.trim(), evidence: evidence.trim(), status } });
      go(`/app/engagements/${engagementId}/plan/actions/${actionId}`, "Your progress update is added");
    } catch (error) {
      setErrors(errorsOf(error, { text: "progress", evidence: "evidence", status: "status" }));
    }
  };

  return (
    <>
      <h2 class="govuk-heading-m">Add a progress update</h2>
      <form onSubmit={submit} noValidate>
        <TextArea id="progress" label="What has happened" value={text} onInput={setText}
                  errors={errors} />
        <TextArea id="evidence" label="What shows it (optional)" value={evidence}
                  onInput={setEvidence} errors={errors}
                  hint="For example, the minutes of the board meeting of 3 March that agreed it." />
        <Radios id="status" legend="Is it working well now?" value={status} onChange={setStatus}
                errors={errors} options={statuses.map((s) => [s, statusLabels[s]])} />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          Add the update
        </button>
      </form>
    </>
  );
}

// Approving the plan (programme leads, lead peers), behind a check of what
// it holds; the API's refusal says what is missing.
export function ApprovePlanPage({ id }: { id: string }) {
  const outcome = useCall(async () => ({
    engagement: await engagements.getEngagement({ name: `engagements/${id}` }),
    plan: await plans.getImprovementPlan({ name: planOf(id) }),
  }), id);
  const [errors, setErrors] = useState<FieldErrors>({});
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, plan } = outcome.value;
  const back = `/app/${engagement.name}/plan`;
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await plans.approveImprovementPlan({ name: plan.name, etag: plan.etag });
      go(back, "The improvement plan is approved: follow-up has begun");
    } catch (error) {
      setErrors(errorsOf(error, {}));
    }
  };
  return (
    <>
      <BackLink href={back}>Back to the improvement plan</BackLink>
      <ErrorSummary errors={errors} firstField="confirm" />
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">Check before you approve the improvement plan</h1>
      <SummaryList rows={[
        { key: statusLabels[ActionStatus.ACTION_NEEDED], value: String(plan.actionNeededCount) },
        { key: statusLabels[ActionStatus.ACTION_IN_HAND], value: String(plan.actionInHandCount) },
        { key: statusLabels[ActionStatus.NEEDS_IMPROVING], value: String(plan.needsImprovingCount) },
        { key: statusLabels[ActionStatus.WORKING_WELL], value: String(plan.workingWellCount) },
      ]} />
      <p class="govuk-body">
        Approving it moves the health check to follow-up and schedules its check-ins. It cannot
        be undone.
      </p>
      <form onSubmit={submit} noValidate>
        <button type="submit" id="confirm" class="govuk-button" data-module="govuk-button">
          Confirm: approve the plan
        </button>
      </form>
    </>
  );
}

// Recording a check-in as held today, with its notes (programme leads, lead
// peers).
export function CheckInPage({ id, checkIn }: { id: string; checkIn: string }) {
  const name = `${planOf(id)}/checkIns/${checkIn}`;
  const outcome = useCall(async () => {
    const engagement = await engagements.getEngagement({ name: `engagements/${id}` });
    return { engagement, found: (await allCheckIns(id)).find((c) => c.name === name) };
  }, name);
  const [notes, setNotes] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  if (outcome.state === "loading") return <Loading />;
  if (outcome.state === "failed") return <Problem message={outcome.problem} />;
  const { engagement, found } = outcome.value;
  if (!found) return <Problem message="This check-in could not be found." />;
  const back = `/app/${engagement.name}/plan`;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!notes.trim()) return setErrors({ notes: "Enter what the check-in found" });
    try {
      await plans.recordCheckIn({ name, notes: notes.trim(), etag: found.etag });
      go(back, "The check-in is recorded as held today");
    } catch (error) {
      setErrors(errorsOf(error, { notes: "notes" }));
    }
  };
  return (
    <>
      <BackLink href={back}>Back to the improvement plan</BackLink>
      <ErrorSummary errors={errors} firstField="notes" />
      <span class="govuk-caption-l">{engagement.partnershipDisplayName}</span>
      <h1 class="govuk-heading-l">The check-in of {formatDate(found.scheduledDate)}</h1>
      <form onSubmit={submit} noValidate>
        <TextArea id="notes" label="What it found" value={notes} onInput={setNotes}
                  errors={errors} hint="It is recorded as held today." />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          Record it as held
        </button>
      </form>
    </>
  );
}
