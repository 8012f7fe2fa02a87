import { readArgs } from './args';
import { buy } from './buy';
import { exportDataset } from './export';
import { CliError, type CliIo } from './io';
import { search } from './search';

/**
 * Run one buyer command in-process; resolves with the exit code. Errors meant for the user are printed to
 * `io.err` and give 1; anything else is a bug and is thrown.
 * @example process.exitCode = await runCli(['search', '--use', 'ai-train'], consoleIo)
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { command, flags } = readArgs(argv);
    if (command === 'search') await search(flags, io);
    else if (command === 'buy') await buy(flags, io);
    else await exportDataset(flags, io);
    return 0;
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    io.err(`error: ${e.message}`);
    return 1;
  }
}
