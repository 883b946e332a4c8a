// The web app: one page per address, drawn in the browser from the API for
// the person signed in ("users/me"), with the menu and home page of their
// role. Every address is a page load, so links, the back button and new
// tabs behave as on any website.
import type { ComponentChildren } from "preact";
import { render } from "preact";
import { AccountPage } from "./account_page";
import { DocumentFormPage, DocumentsPage } from "./documents_pages";
import { NewEngagementPage, KeyDatesPage, ScopingPage } from "./engagement_forms";
import { EngagementPage } from "./engagement_page";
import { EngagementsPage } from "./engagements_page";
import { ActivityFormPage } from "./activity_form";
import { FeedbackPage } from "./feedback_page";
import { FieldworkPage } from "./fieldwork_pages";
import { FindingsPage } from "./findings_page";
import { Role } from "./gen/healthcheck/v1/access_pb";
import type { User } from "./gen/healthcheck/v1/user_pb";
import { HomePage } from "./home_page";
import { MyEngagementsPage } from "./my_engagements_page";
import { Layout, Loading, Problem } from "./layout";
import { startOutbox } from "./note_outbox";
import { listNotesEarly, NewNotePage, NotePage, NotesPage, startContextEarly }
  from "./notes_pages";
import { PartnershipFormPage, PartnershipPage, PartnershipsPage } from "./partnership_pages";
import { PeerFormPage, PeersPage } from "./peer_pages";
import { InvitePage, PeoplePage, PersonPage } from "./people_page";
import { ActionPage, ApprovePlanPage, CheckInPage, NewActionPage, PlanPage } from "./plan_pages";
import { ChangeQuestionnairePage, InvitationsPage, QuestionnairePage }
  from "./questionnaire_pages";
import { ReportPage, ReportsPage } from "./report_pages";
import { ResultsPage } from "./results_page";
import { FindingFormPage, RecommendationFormPage } from "./review_forms";
import { whoAmI } from "./signed_in";
import { HistoryPage, StagePage } from "./stage_pages";
import { AddTeamMemberPage, RemoveTeamMemberPage } from "./team_pages";
import { keepTitle } from "./title";
import { TriangulationPage } from "./triangulation_page";
import { startEarly, useCall } from "./use_call";

// An address, its page, and the page's calls worth starting before the app
// knows who is signed in (those of pages used in the room).
type Route = [RegExp, (m: string[], me: User) => ComponentChildren, ((m: string[]) => void)?];

const id = "([a-z0-9-]{1,64})";
const lead = (me: User) => me.role === Role.PROGRAMME_LEAD;
// Evidence notes are the review team's alone (the API says so too).
const peer = (me: User, page: ComponentChildren) => me.role === Role.PEER ? page
  : <Problem message="Evidence notes are for the review team only." />;

const routes: Route[] = [
  [/^\/$/, (_, me) => me.role === Role.PROGRAMME_LEAD ? <HomePage />
    : me.role === Role.PARTNERSHIP_CONTACT && me.partnership
      ? <PartnershipPage id={me.partnership.replace("partnerships/", "")} lead={false} />
      : me.role === Role.PEER ? <MyEngagementsPage me={me} /> : <EngagementsPage lead={false} />],
  [/^\/app\/account$/, (_, me) => <AccountPage me={me} />],
  [/^\/app\/engagements$/, (_, me) => <EngagementsPage lead={lead(me)} />],
  [/^\/app\/engagements\/new$/, () => <NewEngagementPage />],
  [new RegExp(`^/app/engagements/${id}$`), (m, me) => <EngagementPage id={m[1]} me={me} />],
  [new RegExp(`^/app/engagements/${id}/dates$`), (m) => <KeyDatesPage id={m[1]} />],
  [new RegExp(`^/app/engagements/${id}/scoping$`), (m) => <ScopingPage id={m[1]} />],
  [new RegExp(`^/app/engagements/${id}/team/add$`), (m) => <AddTeamMemberPage id={m[1]} />],
  [new RegExp(`^/app/engagements/${id}/team/remove$`), (m) => <RemoveTeamMemberPage id={m[1]} />],
  [new RegExp(`^/app/engagements/${id}/stage/([a-z-]{1,32})$`),
   (m) => <StagePage id={m[1]} slug={m[2]} />],
  [new RegExp(`^/app/engagements/${id}/history$`), (m) => <HistoryPage id={m[1]} />],
  [new RegExp(`^/app/engagements/${id}/documents$`), (m, me) => <DocumentsPage id={m[1]} me={me} />],
  [new RegExp(`^/app/engagements/${id}/documents/new$`), (m) => <DocumentFormPage id={m[1]} />],
  [new RegExp(`^/app/engagements/${id}/documents/${id}$`),
   (m) => <DocumentFormPage id={m[1]} document={m[2]} />],
  [new RegExp(`^/app/engagements/${id}/fieldwork$`), (m, me) => <FieldworkPage id={m[1]} me={me} />],
  [new RegExp(`^/app/engagements/${id}/fieldwork/new$`), (m) => <ActivityFormPage id={m[1]} />],
  [new RegExp(`^/app/engagements/${id}/activities/${id}$`),
   (m) => <ActivityFormPage id={m[1]} activity={m[2]} />],
  [new RegExp(`^/app/engagements/${id}/feedback$`), (m, me) => <FeedbackPage id={m[1]} me={me} />],
  [new RegExp(`^/app/engagements/${id}/notes$`), (m, me) => peer(me, <NotesPage id={m[1]} />),
   (m) => listNotesEarly(m[1])],
  [new RegExp(`^/app/engagements/${id}/notes/new$`),
   (m, me) => peer(me, <NewNotePage id={m[1]} />), (m) => startContextEarly(m[1])],
  [new RegExp(`^/app/engagements/${id}/notes/${id}$`),
   (m, me) => peer(me, <NotePage id={m[1]} note={m[2]} />)],
  [new RegExp(`^/app/engagements/${id}/triangulation$`),
   (m, me) => <TriangulationPage id={m[1]} me={me} />],
  [new RegExp(`^/app/engagements/${id}/findings$`), (m, me) => <FindingsPage id={m[1]} me={me} />],
  [new RegExp(`^/app/engagements/${id}/findings/new$`), (m) => <FindingFormPage id={m[1]} />],
  [new RegExp(`^/app/engagements/${id}/findings/${id}$`),
   (m) => <FindingFormPage id={m[1]} finding={m[2]} />],
  [new RegExp(`^/app/engagements/${id}/recommendations/new$`),
   (m) => <RecommendationFormPage id={m[1]} />],
  [new RegExp(`^/app/engagements/${id}/recommendations/${id}$`),
   (m) => <RecommendationFormPage id={m[1]} recommendation={m[2]} />],
  [new RegExp(`^/app/engagements/${id}/questionnaire$`),
   (m, me) => <QuestionnairePage id={m[1]} me={me} />],
  [new RegExp(`^/app/engagements/${id}/questionnaire/results$`),
   (m, me) => <ResultsPage id={m[1]} me={me} />],
  [new RegExp(`^/app/engagements/${id}/questionnaire/invitations$`),
   (m) => <InvitationsPage id={m[1]} />],
  [new RegExp(`^/app/engagements/${id}/questionnaire/change$`),
   (m) => <ChangeQuestionnairePage id={m[1]} />],
  [new RegExp(`^/app/engagements/${id}/reports$`), (m, me) => <ReportsPage id={m[1]} me={me} />],
  [new RegExp(`^/app/engagements/${id}/reports/([0-9]{1,6})$`),
   (m, me) => <ReportPage id={m[1]} number={m[2]} me={me} />],
  [new RegExp(`^/app/engagements/${id}/plan$`), (m, me) => <PlanPage id={m[1]} me={me} />],
  [new RegExp(`^/app/engagements/${id}/plan/actions/new$`), (m) => <NewActionPage id={m[1]} />],
  [new RegExp(`^/app/engagements/${id}/plan/approve$`), (m) => <ApprovePlanPage id={m[1]} />],
  [new RegExp(`^/app/engagements/${id}/plan/checkIns/([0-9]{1,4})$`),
   (m) => <CheckInPage id={m[1]} checkIn={m[2]} />],
  [new RegExp(`^/app/engagements/${id}/plan/actions/${id}$`),
   (m, me) => <ActionPage id={m[1]} action={m[2]} me={me} />],
  [/^\/app\/partnerships$/, () => <PartnershipsPage />],
  [/^\/app\/partnerships\/new$/, () => <PartnershipFormPage />],
  [new RegExp(`^/app/partnerships/${id}$`), (m, me) => <PartnershipPage id={m[1]} lead={lead(me)} />],
  [new RegExp(`^/app/partnerships/${id}/edit$`), (m) => <PartnershipFormPage id={m[1]} />],
  [/^\/app\/peers$/, () => <PeersPage />],
  [/^\/app\/peers\/new$/, () => <PeerFormPage />],
  [new RegExp(`^/app/peers/${id}/edit$`), (m) => <PeerFormPage id={m[1]} />],
  [/^\/app\/people$/, () => <PeoplePage />],
  [/^\/app\/people\/invite$/, () => <InvitePage />],
  [new RegExp(`^/app/users/${id}$`), (m) => <PersonPage id={m[1]} />],
];

// The route `path` names, and its match.
function routeOf(path: string): [Route, string[]] | undefined {
  for (const route of routes) {
    const match = route[0].exec(path);
    if (match) return [route, match];
  }
  return undefined;
}

function App({ path }: { path: string }) {
  const me = useCall(whoAmI, "me");
  if (me.state !== "done") {
    return (
      <Layout path={path} role={Role.UNSPECIFIED}>
        {me.state === "loading" ? <Loading /> : <Problem message={me.problem} />}
      </Layout>
    );
  }
  // A peer's notes wait in this browser until uploaded; theirs, once known,
  // before any page reads them.
  if (me.value.role === Role.PEER) startOutbox(me.value.name);
  const found = routeOf(path);
  if (found) {
    const [[, page], match] = found;
    return <Layout path={path} role={me.value.role}>{page(match, me.value)}</Layout>;
  }
  return (
    <Layout path={path} role={me.value.role}>
      <Problem title="Page not found" alert={false}
               message="If you typed the web address, check it is correct." />
    </Layout>
  );
}

const root = document.getElementById("app");
if (root) {
  // Asked before the first drawing, whose effects run only after a paint.
  startEarly("me", whoAmI);
  const found = routeOf(window.location.pathname);
  if (found) {
    const [[, , early], match] = found;
    early?.(match);
  }
  render(<App path={window.location.pathname} />, root);
  keepTitle(root);
  // The app's shell, kept for opening with no network (service_worker.ts);
  // browsers offer service workers on https and on this machine only.
  if ("serviceWorker" in navigator) void navigator.serviceWorker.register("/sw.js");
}
