// The browser tab's title follows the page: its main heading, then the
// service's name, with "Error: " first while the page shows a problem (as
// GOV.UK pages do), so that each page is told apart in the tab, the history
// and a screen reader.
const service = "Partnership health checks";

function update(root: HTMLElement): void {
  const heading = root.querySelector("main h1")?.textContent?.trim() ?? "";
  const error = root.querySelector(".govuk-error-summary") !== null;
  const title = `${error ? "Error: " : ""}${heading ? `${heading} - ` : ""}${service}`;
  if (document.title !== title) document.title = title;
}

export function keepTitle(root: HTMLElement): void {
  new MutationObserver(() => update(root))
    .observe(root, { childList: true, subtree: true, characterData: true });
  update(root);
}
