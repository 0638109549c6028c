// Exit codes are the CLI's contract with CI: 0 clean, 1 findings matched --fail-on, 2 the run itself
// failed (bad usage, unreachable page, no browser, timeout, unreadable session file).

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

/** An error the user can act on: printed as its message alone, without a stack. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.error) {
    super(message);
    this.name = 'CliError';
  }
}

/** Progress and warnings go to stderr so stdout stays the report alone (pipe it to a file or jq). */
export const progress = (message: string): void => {
  process.stderr.write(`postscope: ${message}\n`);
};
