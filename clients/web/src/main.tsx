// The web app: one page per address, drawn in the browser from the API.
// "/" is the home page; "/app/engagements/{id}" an engagement; "/app/people"
// the people who sign in and "/app/people/invite" inviting one more.
import { render } from "preact";
import { EngagementPage } from "./engagement_page";
import { HomePage } from "./home_page";
import { Layout, Problem } from "./layout";
import { InvitePage, PeoplePage } from "./people_page";

function Page({ path }: { path: string }) {
  if (path === "/") return <HomePage />;
  if (path === "/app/people") return <PeoplePage />;
  if (path === "/app/people/invite") return <InvitePage />;
  const engagement = /^\/app\/engagements\/([a-z0-9-]{1,64})$/.exec(path);
  if (engagement) return <EngagementPage id={engagement[1]} />;
  return <Problem message="There is nothing at this address." />;
}

const root = document.getElementById("app");
if (root) {
  const path = window.location.pathname;
  render(<Layout path={path}><Page path={path} /></Layout>, root);
}
