// What commands need from the outside world; tests pass their own.
export interface CliContext {
  out: (text: string) => void;
  err: (text: string) => void;
  exitCode: number;
  isTTY: boolean;
}

/** An error meant for the user: printed without a stack trace, exit code 2. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}
