// Moving between pages: each address is a page load, so the browser's back
// button, bookmarks and new tabs work as on any website. What was just done
// is said on the next page in a success banner, carried in the tab's
// session storage (never in the address, which would let a link forge it).
import { useEffect, useRef } from "preact/hooks";

const flashKey = "hc-flash";

// Goes to `path`, where `done` is shown as the confirmation of what was done.
export function go(path: string, done?: string): void {
  if (done) sessionStorage.setItem(flashKey, done);
  window.location.assign(path);
}

function takeFlash(): string | null {
  const message = sessionStorage.getItem(flashKey);
  sessionStorage.removeItem(flashKey);
  return message;
}

const flash = takeFlash();

// The confirmation of what was just done, if anything; it takes the focus
// so that a screen reader says it.
export function SuccessBanner() {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => { if (flash) box.current?.focus(); }, []);
  if (!flash) return null;
  return (
    <div class="govuk-notification-banner govuk-notification-banner--success" role="alert"
         aria-labelledby="success-title" data-module="govuk-notification-banner"
         tabIndex={-1} ref={box}>
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="success-title">Success</h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">{flash}</p>
      </div>
    </div>
  );
}

export function BackLink({ href, children }: { href: string; children: string }) {
  return <a href={href} class="govuk-back-link">{children}</a>;
}

// The page's query parameters.
export function queryParam(name: string): string {
  return new URLSearchParams(window.location.search).get(name) ?? "";
}
