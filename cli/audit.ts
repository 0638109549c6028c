import { readFile } from 'node:fs/promises';
import type { ModelInput } from '../panel/model/input';
import { parseSession } from '../panel/model/session';
import { isUrl, type Command } from './args';
import { CliError, progress } from './errors';
import { matchFailOn, unknownFailOn, type AuditRun } from './findings';
import { loadAudits } from './model-audits';
import { record } from './record';

// `postscope audit`: the panel's audits (runAudits) over a live recording or a session file.

type AuditCommand = Extract<Command, { kind: 'audit' }>;

interface Audited {
  url: string | null;
  version: string;
  input: ModelInput;
}

const fromFile = async (path: string): Promise<Audited> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read session file ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = parseSession(text);
  if (!parsed.ok) throw new CliError(`${path}: ${parsed.error}`);
  return { url: parsed.session.meta.url, version: parsed.session.meta.extensionVersion, input: parsed.input };
};

export const audit = async (cmd: AuditCommand, distDir: string): Promise<AuditRun> => {
  // A bad session file is reported before anything else; a URL is recorded only once the audits and --fail-on are known good.
  const fromSession: Audited | null = isUrl(cmd.target) ? null : await fromFile(cmd.target);
  const suite = await loadAudits();
  if (!suite) throw new CliError('this build of Postscope has no audits (panel/model/audits/index.ts is missing): rebuild from a complete checkout');
  const unknown = unknownFailOn(cmd.failOn, suite.ids);
  if (unknown.length) throw new CliError(`--fail-on: no audit named ${unknown.join(', ')}; audits are: ${suite.ids.join(', ')} (or "any", "none")`);
  const source: Audited = fromSession ?? (await record(cmd.record, distDir).then(({ input, meta }) => ({ url: meta.url, version: meta.extensionVersion, input })));
  progress(`running ${suite.ids.length} audits`);
  const outcomes = suite.run(source.input);
  return { target: cmd.target, ...source, outcomes, matched: matchFailOn(outcomes, cmd.failOn) };
};
