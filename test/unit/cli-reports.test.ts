import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseSession } from '../../panel/model/session';
import { describeEntry } from '../../panel/model/describe';
import { extraLocations, itemLocations, matchFailOn, resolveFailOn, unknownFailOn, type AuditOutcome, type AuditRun } from '../../cli/findings';
import { textReport } from '../../cli/report-text';
import { jsonReport } from '../../cli/report-json';
import { sarifReport } from '../../cli/report-sarif';
import { htmlReport } from '../../cli/report-html';

const parsed = parseSession(readFileSync(new URL('../fixtures/cli-session-sample.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error(parsed.error);
const input = parsed.input;
const app = 'http://localhost:4001/app.js';
const hostile = '<img src=x onerror=alert(1)>\u001b[2J</style>';

const meta = (id: string, severity: 'high' | 'medium' | 'low' | 'info') => ({ id, title: `${id} passes`, failureTitle: `${id} fails`, description: `about ${id}`, severity });
const outcomes: AuditOutcome[] = [
  { meta: meta('mismatch', 'medium'), result: { score: 1, items: [] } },
  { meta: meta('bypassable-check', 'medium'), result: { score: null, items: [] } },
  {
    meta: meta('wildcard', 'high'),
    result: { score: 0, items: [{ summary: "postMessage(msg, '*')", evidence: [{ callSite: { url: app, line: 20, col: 5, fn: 'send' }, method: 'static' }, { entry: 'k0#2', method: 'runtime' }], details: {} }] },
  },
  {
    meta: meta('no-origin-check', 'high'),
    result: { score: 0, items: [{ summary: hostile, evidence: [{ listener: 'L1', entry: 'k0#1', method: 'runtime' }], details: { listener: 'L1' } }] },
  },
];
const run = (matched: string[] = ['wildcard', 'no-origin-check']): AuditRun => ({ target: 'session.json', url: 'http://localhost:4001/index.html', version: '0.1.0', input, outcomes, matched });

test('--fail-on selects failed audits only; unknown ids are reported', () => {
  assert.deepEqual(matchFailOn(outcomes, ['any']), ['wildcard', 'no-origin-check']);
  assert.deepEqual(matchFailOn(outcomes, ['wildcard', 'mismatch']), ['wildcard']);
  assert.deepEqual(matchFailOn(outcomes, ['mismatch', 'bypassable-check']), []);
  assert.deepEqual(matchFailOn(outcomes, ['none', 'wildcard']), []);
  assert.deepEqual(unknownFailOn(['any', 'wildcard', 'wildcards'], ['wildcard']), ['wildcards']);
  assert.deepEqual(resolveFailOn(['wildcard', 'no-origin-check', 'bypassable-check', 'mismatch', 'neutered-use', 'constructor']), ['wildcard-target-origin', 'missing-origin-check', 'bypassable-origin-check', 'origin-mismatch-drops', 'neutered-use', 'constructor']);
});

test('an item is located at its call sites, or at the call sites of the records it cites, once each', () => {
  assert.deepEqual(itemLocations(outcomes[2].result.items[0], input), [{ url: app, line: 20, col: 5, fn: 'send' }]);
  assert.deepEqual(itemLocations(outcomes[3].result.items[0], input).map((s) => s.line), [12]);
  const spelled = { summary: `send at ${app}:20:5`, evidence: outcomes[2].result.items[0].evidence, details: {} };
  assert.deepEqual(extraLocations(spelled, input), [], 'a location the summary already names is not repeated');
});

test('SARIF 2.1.0: a rule per audit, a result per finding of a failed audit, at script URL and line', () => {
  const sarif = JSON.parse(sarifReport(run()));
  assert.equal(sarif.version, '2.1.0');
  const [r] = sarif.runs;
  assert.deepEqual(r.tool.driver.rules.map((x: { id: string }) => x.id), ['mismatch', 'bypassable-check', 'wildcard', 'no-origin-check']);
  const got = r.results.map((x: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) =>
    [x.ruleId, x.ruleIndex, x.level, x.locations.map((l) => `${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region.startLine}`)]);
  assert.deepEqual(got, [
    ['wildcard', 2, 'error', [`${app}:20`]],
    ['no-origin-check', 3, 'error', [`${app}:12`]],
  ]);
});

test('text report: failures first with locations, terminal control characters removed', () => {
  const text = textReport(run());
  const lines = text.split('\n');
  assert.match(lines[1], /^FAIL {2}wildcard \[high\]: wildcard fails$/);
  assert.ok(text.includes(`postMessage(msg, '*') (${app}:20:5)`));
  assert.ok(!text.includes('\u001b'));
  assert.match(text, /pass {2}mismatch/);
  assert.match(text, /n\/a {3}bypassable-check/);
  assert.match(text, /failing the run: wildcard, no-origin-check/);
});

test('JSON report lists every audit with its failure state and item locations', () => {
  const json = JSON.parse(jsonReport(run()));
  assert.deepEqual(json.audits.map((a: { id: string; failed: boolean }) => [a.id, a.failed]), [['mismatch', false], ['bypassable-check', false], ['wildcard', true], ['no-origin-check', true]]);
  assert.equal(json.audits[3].items[0].summary, hostile);
  assert.equal(json.audits[3].items[0].locations[0].line, 12);
});

test('HTML report: self-contained, no scripts, page data escaped, a timeline row per message', () => {
  const html = htmlReport(run());
  assert.ok(!/<script/i.test(html), 'no script element');
  assert.ok(!/<img/i.test(html), 'the finding text is escaped');
  assert.ok(!html.includes('</script><b>'), 'message previews are escaped');
  assert.ok(!/<[^>]*\s(src|href)=/i.test(html), 'nothing is fetched');
  assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;'));
  assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
  const messages = input.entries.filter((e) => describeEntry(e, input.frames)).length;
  assert.equal(html.match(/<tr><td>/g)?.length, messages);
  assert.match(html, new RegExp(`Timeline \\(${messages} messages\\)`));
});
