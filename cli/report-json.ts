import { failed, itemLocations, type AuditRun } from './findings';

// Machine-readable results: every audit with its items and their source locations.

export const jsonReport = (run: AuditRun): string =>
  JSON.stringify(
    {
      tool: 'postscope',
      target: run.target,
      url: run.url,
      records: run.input.entries.length,
      frames: run.input.frames.length,
      failOnMatched: run.matched,
      audits: run.outcomes.map(({ meta, result }) => ({
        ...meta,
        score: result.score,
        failed: failed({ meta, result }),
        items: result.items.map((item) => ({ ...item, locations: itemLocations(item, run.input) })),
      })),
    },
    null,
    2,
  ) + '\n';
