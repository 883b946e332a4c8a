// Checks the team's results (hcctl questionnaires results --json) of the
// browser test: the overall n, that `small` (an organisation under k) is
// withheld, and that no withheld group can be worked out by subtraction in
// any breakdown: what the released groups leave over is 0 or at least k,
// over at least two withheld groups.
//
// Usage: node check_results.mjs RESULTS.json N K SMALL_ORGANISATION
import { readFileSync } from 'node:fs';

const [file, nText, kText, small] = process.argv.slice(2);
const n = Number(nText);
const k = Number(kText);
const results = JSON.parse(readFileSync(file, 'utf8'));
const problems = [];
const count = (g) => Number(g.n ?? 0);

if (Number(results.respondents) !== n) problems.push(`overall n is ${results.respondents}, not ${n}`);
for (const dimension of ['byLevel', 'bySector', 'byOrganisation']) {
  const groups = results[dimension] ?? [];
  if (groups.length === 0) problems.push(`no ${dimension} breakdown`);
  const released = groups.filter((g) => g.released);
  const withheld = groups.filter((g) => !g.released);
  for (const g of released) {
    if (count(g) < k) problems.push(`${dimension} ${g.group} released with ${count(g)} < k`);
  }
  for (const g of withheld) {
    if (count(g) !== 0 || (g.sections ?? []).length) {
      problems.push(`${dimension} ${g.group} is withheld but shows figures`);
    }
  }
  const rest = n - released.reduce((sum, g) => sum + count(g), 0);
  if (rest !== 0 && (rest < k || withheld.length < 2)) {
    problems.push(`${dimension}: the withheld remainder ${rest} over ${withheld.length} group(s) exposes a group`);
  }
}
const smallGroup = (results.byOrganisation ?? []).find((g) => g.group === small);
if (!smallGroup) problems.push(`${small} is missing from the organisations`);
else if (smallGroup.released) problems.push(`${small} is released`);
for (const s of results.sections ?? []) {
  if (!s.bandLabel) problems.push(`section ${s.section} has no band`);
}
if (!results.aggregate?.bandLabel) problems.push('the aggregate has no band');
if (problems.length) {
  console.error(`check_results: ${problems.join('; ')}`);
  process.exit(1);
}
