/** Where the CLI writes and how it asks; tests pass their own to read what a run printed. */
export interface CliIo {
  /** One line of the command's result (stdout). */
  out(line: string): void;
  /** Progress and warnings (stderr), kept apart so `search > offers.txt` stays clean. */
  err(text: string): void;
  /** Ask a yes/no question; absent means nobody can answer, so only `--yes` goes ahead. */
  confirm?(question: string): Promise<boolean>;
  /** Environment for defaults (BUYER_PRIVATE_KEY); process.env when run from the shell. */
  env?: Record<string, string | undefined>;
  /** Test seams: called around each purchase batch's send. A throw here stands in for a crash. */
  hooks?: BuyHooks;
}

/** Points where a test can interrupt `buy`, to prove an interrupted run resumes without paying twice. */
export interface BuyHooks {
  /** Before batch `index` (0-based) is sent; earlier batches are already recorded. */
  beforeSend?(index: number): void | Promise<void>;
  /** After batch `index` was sent and its hash recorded as 'sent', before its receipt is awaited. */
  afterSend?(index: number, txHash: string): void | Promise<void>;
}

/** An error whose message is meant for the person at the terminal, printed without a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
}
