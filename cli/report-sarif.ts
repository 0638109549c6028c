import type { Severity } from '../panel/model/audits/types';
import { failed, itemLocations, type AuditRun } from './findings';

// SARIF 2.1.0 (OASIS), the format code-scanning services ingest: one rule per audit, one result per
// finding of a failed audit, located at the script URL and line of its evidence (the page itself when
// no script location is known).

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { high: 'error', medium: 'warning', low: 'note', info: 'note' };

export const sarifReport = (run: AuditRun): string => {
  const rules = run.outcomes.map(({ meta }) => ({
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    messageStrings: { failure: { text: meta.failureTitle } },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { severity: meta.severity },
  }));
  const results = run.outcomes.flatMap(({ meta, result }, ruleIndex) =>
    !failed({ meta, result })
      ? []
      : result.items.map((item) => {
          const sites = itemLocations(item, run.input);
          const locations = sites.length
            ? sites.map((s) => ({ physicalLocation: { artifactLocation: { uri: s.url }, region: { startLine: Math.max(1, s.line), startColumn: Math.max(1, s.col) } } }))
            : run.url ? [{ physicalLocation: { artifactLocation: { uri: run.url } } }] : [];
          return { ruleId: meta.id, ruleIndex, level: LEVEL[meta.severity], message: { text: item.summary }, locations, properties: { details: item.details } };
        }),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'Postscope', version: run.version, rules } }, results }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
};
