import { readFile } from 'node:fs/promises';
import { AUDITS, runAudits } from '../panel/model/audits/index';
import type { ModelInput } from '../panel/model/input';
import { parseSession } from '../panel/model/session';
import { isUrl, type Command } from './args';
import { CliError, progress } from './errors';
import { FAIL_ON_ALIASES, matchFailOn, resolveFailOn, unknownFailOn, type AuditRun } from './findings';
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
  // A bad session file is reported before anything else; a URL is recorded only once --fail-on is known good.
  const fromSession: Audited | null = isUrl(cmd.target) ? null : await fromFile(cmd.target);
  const ids = AUDITS.map((a) => a.meta.id);
  const failOn = resolveFailOn(cmd.failOn);
  const unknown = unknownFailOn(failOn, ids);
  if (unknown.length) throw new CliError(`--fail-on: no audit named ${unknown.join(', ')}; audits are: ${ids.join(', ')}, short names ${[...FAIL_ON_ALIASES.keys()].join(', ')} (or "any", "none")`);
  const source: Audited = fromSession ?? (await record(cmd.record, distDir).then(({ input, meta }) => ({ url: meta.url, version: meta.extensionVersion, input })));
  progress(`running ${ids.length} audits`);
  const outcomes = runAudits(source.input);
  return { target: cmd.target, ...source, outcomes, matched: matchFailOn(outcomes, failOn) };
};
