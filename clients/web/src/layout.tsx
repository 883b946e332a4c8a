// The frame of every page: the header with the service's name (no crown,
// no GOV.UK logotype: they belong to services on GOV.UK), a way to sign
// out, and the main content.
import type { ComponentChildren } from "preact";
import { useRef, useState } from "preact/hooks";
import { Role } from "./gen/healthcheck/v1/access_pb";
import { SuccessBanner } from "./navigation";
import { discardOwn, outboxStatus } from "./note_outbox";
import { forgetWhoIAm } from "./signed_in";

// The menu: what each role works on.
function sectionsFor(role: Role): [string, string][] {
  const account: [string, string] = ["/app/account", "Your account"];
  if (role === Role.PROGRAMME_LEAD) {
    return [["/", "Engagements"], ["/app/partnerships", "Partnerships"], ["/app/peers", "Peers"],
            ["/app/people", "People"], account];
  }
  if (role === Role.PARTNERSHIP_CONTACT) return [["/", "Your partnership"], account];
  return [["/", "My engagements"], account];
}

// Signing out deletes what a peer keeps in this browser (note_outbox.ts),
// after a warning when some of their notes are not uploaded yet.
function SignOut({ role }: { role: Role }) {
  const form = useRef<HTMLFormElement>(null);
  const [unsent, setUnsent] = useState(0);
  const leave = async () => {
    await discardOwn();
    forgetWhoIAm();
    form.current?.submit();
  };
  const submit = async (event: Event) => {
    if (role !== Role.PEER) return forgetWhoIAm();
    event.preventDefault();
    const status = await outboxStatus();
    const held = status.waiting + status.setAside;
    if (held) setUnsent(held);
    else await leave();
  };
  return (
    <form method="post" action="/signout" class="govuk-!-margin-top-3" ref={form}
          onSubmit={submit}>
      {unsent > 0 ? (
        <div class="govuk-warning-text" role="alert">
          <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">Warning</span>
            {unsent === 1 ? "1 of your notes is" : `${unsent} of your notes are`} not uploaded yet.
            Signing out deletes {unsent === 1 ? "it" : "them"} from this browser.
          </strong>
          <div class="govuk-button-group govuk-!-margin-top-3 govuk-!-margin-bottom-0">
            <button type="button" class="govuk-button govuk-button--warning"
                    onClick={() => void leave()}>
              Sign out and delete {unsent === 1 ? "it" : "them"}
            </button>
            <button type="button" class="govuk-button govuk-button--secondary"
                    onClick={() => setUnsent(0)}>Stay signed in</button>
          </div>
        </div>
      ) : (
        <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
          Sign out
        </button>
      )}
    </form>
  );
}

export function Layout({ path, role, children }: {
  path: string; role: Role; children: ComponentChildren;
}) {
  const sections = sectionsFor(role);
  // The section the page belongs to, marked in the menu (a person's page,
  // /app/users/..., is one of People's).
  const section = path.startsWith("/app/users/") ? "/app/people" : path;
  const current = sections.map(([href]) => href)
    .find((href) => href !== "/" && section.startsWith(href)) ?? "/";
  return (
    <>
      <header class="govuk-header" data-module="govuk-header">
        <div class="govuk-header__container govuk-width-container">
          <div class="govuk-header__content">
            <a href="/" class="govuk-header__link govuk-header__service-name app-service-name">
              Partnership health checks
            </a>
          </div>
        </div>
      </header>
      <section aria-label="Service information" class="govuk-service-navigation">
        <div class="govuk-width-container">
          <div class="govuk-service-navigation__container">
            <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
              <ul class="govuk-service-navigation__list" id="navigation">
                {sections.map(([href, label]) => (
                  <li key={href} class={`govuk-service-navigation__item${
                    href === current ? " govuk-service-navigation__item--active" : ""}`}>
                    <a class="govuk-service-navigation__link" href={href}
                       aria-current={href === current ? "page" : undefined}>{label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      </section>
      <div class="govuk-width-container">
        <SignOut role={role} />
        <main class="govuk-main-wrapper" id="main-content" role="main">
          <SuccessBanner />
          {children}
        </main>
      </div>
      <footer class="govuk-footer" role="contentinfo">
        <div class="govuk-width-container">
          <p class="govuk-body-s govuk-!-margin-bottom-0">
            Partnership health checks: supportive peer reviews of cross-sector partnerships.
          </p>
        </div>
      </footer>
    </>
  );
}

// A problem that stops a page: said in words, with a way on. A call's
// failure is announced as it replaces the page (`alert`); an address with
// nothing at it is just the page.
export function Problem({ message, title = "Sorry, there is a problem", alert = true }: {
  message: string; title?: string; alert?: boolean;
}) {
  return (
    <>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body" role={alert ? "alert" : undefined}>{message}</p>
      <p class="govuk-body"><a href="/" class="govuk-link">Go to the home page</a></p>
    </>
  );
}

export function Loading() {
  return <p class="govuk-body" role="status">Loading…</p>;
}
