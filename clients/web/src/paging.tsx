// Lists page as the API pages them (AIP-158): the address holds the page's
// token and the tokens of the pages before it, so "Previous" and "Next" are
// plain links that work with the back button and in a new tab.
import { queryParam } from "./navigation";

export const pageSize = 50;

// The token of the page the address asks for ("" for the first).
export function pageToken(): string {
  return queryParam("page");
}

function trail(): string[] {
  const value = queryParam("trail");
  return value ? value.split(" ") : [];
}

function hrefFor(token: string, tokens: string[]): string {
  const query = new URLSearchParams(window.location.search);
  query.delete("page");
  query.delete("trail");
  if (token) query.set("page", token);
  if (tokens.length) query.set("trail", tokens.join(" "));
  const text = query.toString();
  return window.location.pathname + (text ? `?${text}` : "");
}

// GOV.UK pagination's arrows, as its template draws them.
const arrowPaths = {
  prev: "m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z",
  next: "m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z",
};

function Arrow({ way }: { way: "prev" | "next" }) {
  return (
    <svg class={`govuk-pagination__icon govuk-pagination__icon--${way}`}
         xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true"
         focusable="false" viewBox="0 0 15 13">
      <path d={arrowPaths[way]} />
    </svg>
  );
}

const linkTitle = "govuk-pagination__link-title govuk-pagination__link-title--decorated";

// GOV.UK pagination: Previous when this is not the first page, Next when
// the API gave a next_page_token.
export function Pagination({ nextPageToken }: { nextPageToken: string }) {
  const current = pageToken();
  const before = trail();
  if (!current && !nextPageToken) return null;
  const previous = current ? hrefFor(before[before.length - 1] ?? "", before.slice(0, -1)) : "";
  const next = nextPageToken ? hrefFor(nextPageToken, current ? [...before, current] : before) : "";
  return (
    <nav class="govuk-pagination govuk-pagination--block" aria-label="Pages">
      {previous && (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={previous} rel="prev">
            <Arrow way="prev" />
            <span class={linkTitle}>Previous
              <span class="govuk-visually-hidden"> page</span></span>
          </a>
        </div>
      )}
      {next && (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={next} rel="next">
            <Arrow way="next" />
            <span class={linkTitle}>Next
              <span class="govuk-visually-hidden"> page</span></span>
          </a>
        </div>
      )}
    </nav>
  );
}
