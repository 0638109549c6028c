import { writeFile } from 'node:fs/promises';
import { runAudits } from '../panel/model/audits/index';
import { toSession } from '../panel/model/session';
import { parseCommand, USAGE, type Format } from './args';
import { audit } from './audit';
import { CliError, EXIT, progress } from './errors';
import type { AuditRun } from './findings';
import { record } from './record';
import { htmlReport } from './report-html';
import { jsonReport } from './report-json';
import { sarifReport } from './report-sarif';
import { textReport } from './report-text';

// The postscope command: parses the command line, runs record or audit, writes the output and
// turns every failure into an exit code and one clear line on stderr.

const REPORTS: Record<Format, (run: AuditRun) => string> = { text: textReport, json: jsonReport, sarif: sarifReport, html: htmlReport };

const output = async (text: string, out: string | null): Promise<void> => {
  if (out === null) {
    process.stdout.write(text);
    return;
  }
  await writeFile(out, text).catch((e: unknown) => {
    throw new CliError(`cannot write ${out}: ${e instanceof Error ? e.message : String(e)}`);
  });
  progress(`wrote ${out}`);
};

/** Runs one command; `distDir` is the build output holding dist/chrome. Returns the exit code. */
export const main = async (argv: string[], distDir: string): Promise<number> => {
  try {
    const cmd = parseCommand(argv);
    switch (cmd.kind) {
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return EXIT.clean;
      case 'record': {
        const { input, meta } = await record(cmd.record, distDir);
        await output(JSON.stringify(toSession(input, meta, runAudits(input))) + '\n', cmd.out ?? 'session.json');
        return EXIT.clean;
      }
      case 'audit': {
        const run = await audit(cmd, distDir);
        await output(REPORTS[cmd.format](run), cmd.out);
        return run.matched.length ? EXIT.findings : EXIT.clean;
      }
    }
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`postscope: error: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`postscope: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.error;
  }
};
