// A GOV.UK table in a region of its own, reachable by keyboard, so that on
// a narrow screen it scrolls inside the region instead of widening the page.
// The first cell of each row is its header; the caption is also the
// section's heading.
import type { ComponentChildren } from "preact";

export function DataTable({ caption, head, numeric = [], rows, empty, foot }: {
  caption: string; head: string[]; numeric?: number[]; rows: [string, ...ComponentChildren[]][];
  empty: string; foot?: ComponentChildren[];
}) {
  const heading = <h2 class="govuk-heading-m">{caption}</h2>;
  if (!rows.length) return <>{heading}<p class="govuk-body">{empty}</p></>;
  const cell = (i: number) =>
    `govuk-table__cell${numeric.includes(i) ? " govuk-table__cell--numeric" : ""}`;
  return (
    <>
      {heading}
      <div class="app-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="govuk-table">
        <caption class="govuk-visually-hidden">{caption}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            {head.map((h, i) => (
              <th scope="col" key={h} class={`govuk-table__header${
                numeric.includes(i) ? " govuk-table__header--numeric" : ""}`}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {rows.map(([key, first, ...rest]) => (
            <tr class="govuk-table__row" key={key}>
              <th scope="row" class="govuk-table__header">{first}</th>
              {rest.map((value, i) => <td class={cell(i + 1)} key={i}>{value}</td>)}
            </tr>
          ))}
        </tbody>
        {foot && (
          <tfoot>
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">{foot[0]}</th>
              {foot.slice(1).map((value, i) => <td class={cell(i + 1)} key={i}>{value}</td>)}
            </tr>
          </tfoot>
        )}
      </table>
      </div>
    </>
  );
}
