// `npm run buyer -- <command>`: the buyer CLI's process entry; all the work is in runCli.
import { createInterface } from 'node:readline/promises';
import { runCli } from './cli';
import type { CliIo } from './io';

const io: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  // Only a person at a terminal can say yes; piped runs must pass --yes.
  confirm: process.stdin.isTTY
    ? async (question) => {
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        const answer = await rl.question(question).finally(() => rl.close());
        return /^y(es)?$/i.test(answer.trim());
      }
    : undefined,
};

try {
  process.exitCode = await runCli(process.argv.slice(2), io);
} catch (e) {
  console.error(e);
  process.exitCode = 2;
}
