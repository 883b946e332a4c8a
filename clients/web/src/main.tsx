// The web app: one page per address, drawn in the browser from the API.
// "/" is the home page; "/app/engagements/{id}" an engagement.
import { render } from "preact";
import { EngagementPage } from "./engagement_page";
import { HomePage } from "./home_page";
import { Layout, Problem } from "./layout";

function Page({ path }: { path: string }) {
  if (path === "/") return <HomePage />;
  const engagement = /^\/app\/engagements\/([a-z0-9-]{1,64})$/.exec(path);
  if (engagement) return <EngagementPage id={engagement[1]} />;
  return <Problem message="There is nothing at this address." />;
}

const root = document.getElementById("app");
if (root) {
  render(<Layout><Page path={window.location.pathname} /></Layout>, root);
}
