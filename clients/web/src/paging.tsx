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
            <span class="govuk-pagination__link-title">Previous
              <span class="govuk-visually-hidden"> page</span></span>
          </a>
        </div>
      )}
      {next && (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={next} rel="next">
            <span class="govuk-pagination__link-title">Next
              <span class="govuk-visually-hidden"> page</span></span>
          </a>
        </div>
      )}
    </nav>
  );
}
