import { parseArgs } from 'node:util';
import { CliError } from './io';

export const COMMANDS = ['search', 'buy', 'export'] as const;
export type Command = (typeof COMMANDS)[number];

/** Every flag of every command, as typed on the command line (strings until a command reads them). */
export interface Flags {
  registry: string;
  rpc: string;
  key?: string;
  exchange?: string;
  state: string;
  platform?: string;
  use?: string;
  user?: string;
  'max-price'?: string;
  token?: string;
  licensor?: string;
  limit?: string;
  max?: string;
  'batch-size': string;
  yes: boolean;
  out: string;
  format: string;
}

const OPTIONS = {
  registry: { type: 'string', default: 'http://127.0.0.1:8787' },
  rpc: { type: 'string', default: 'http://127.0.0.1:8545' },
  key: { type: 'string' },
  exchange: { type: 'string' },
  state: { type: 'string', default: '.data/buyer-state.json' },
  platform: { type: 'string' },
  use: { type: 'string' },
  user: { type: 'string' },
  'max-price': { type: 'string' },
  token: { type: 'string' },
  licensor: { type: 'string' },
  limit: { type: 'string' },
  max: { type: 'string' },
  'batch-size': { type: 'string', default: '50' },
  yes: { type: 'boolean', short: 'y', default: false },
  out: { type: 'string', default: 'datasets/consentry' },
  format: { type: 'string', default: 'jsonl' },
} as const;

export const USAGE = `usage: npm run buyer -- <command> [flags]
  search  [--platform x] [--use ai-train] [--user commercial] [--max-price 0.05] [--token 0x…] [--licensor 0x…] [--limit N]
  buy     [same filters] [--max N] [--batch-size 50] [--yes]
  export  [--out datasets/consentry] [--format jsonl]
common: --registry ${OPTIONS.registry.default} --rpc ${OPTIONS.rpc.default} --key 0x… (or BUYER_PRIVATE_KEY)
        --exchange 0x… --state ${OPTIONS.state.default}`;

/** Split argv into the command and its flags; unknown flags and commands are refused with the usage. */
export function readArgs(argv: readonly string[]): { command: Command; flags: Flags } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\n${USAGE}`);
  }
  const [command, ...rest] = parsed.positionals;
  if (!COMMANDS.includes(command as Command)) throw new CliError(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
  if (rest.length > 0) throw new CliError(`unexpected argument "${rest[0]}"\n${USAGE}`);
  return { command: command as Command, flags: parsed.values as Flags };
}

/** A whole number flag ≥ `min`, or undefined when not given. */
export function intFlag(value: string | undefined, name: string, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new CliError(`--${name}: expected a whole number ≥ ${min}, got "${value}"`);
  return n;
}
