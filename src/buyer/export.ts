import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Flags } from './args';
import { datasetCard } from './dataset-card';
import { CliError, type CliIo } from './io';
import { authorOf, createdOf } from './post-meta';
import { readState } from './state';

/** One line of data.jsonl. */
export interface DatasetRow {
  text: string | null;
  /** Images and videos of the post, as URLs (part of what content_hash covers); null with text. */
  media: string[] | null;
  url: string;
  platform: string;
  author: string | null;
  created: string | null;
  terms: unknown;
  offer_id: string;
  content_hash: string;
  licensor: string;
  tx_hash: string | null;
}

/**
 * `export`: write every licence the state records as done to `<out>/data.jsonl` and a dataset card `<out>/README.md`.
 * @example await exportDataset({ ...flags, out: 'datasets/consentry' }, io)
 */
export async function exportDataset(flags: Flags, io: CliIo): Promise<number> {
  if (flags.format !== 'jsonl') throw new CliError(`--format: only jsonl is supported, not "${flags.format}"`);
  const state = await readState(flags.state);
  const done = Object.entries(state.offers).filter(([, o]) => o.status === 'done');
  const rows: DatasetRow[] = done.map(([id, o]) => ({
    text: o.text,
    media: o.text === null ? null : (o.media ?? []),
    url: o.offer.url,
    platform: o.offer.platform,
    author: authorOf(o.offer.url),
    created: createdOf(o.offer.platform, o.offer.postId),
    terms: o.terms,
    offer_id: id,
    content_hash: o.offer.contentHash,
    licensor: o.offer.licensor,
    tx_hash: o.txHash ?? null,
  }));
  await mkdir(flags.out, { recursive: true });
  await writeFile(join(flags.out, 'data.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
  const missingText = rows.filter((r) => r.text === null).length;
  const card = datasetCard({ rows: done.map(([, o]) => o), chainId: state.chainId, exchange: state.exchange, buyer: state.buyer, missingText });
  await writeFile(join(flags.out, 'README.md'), card);
  io.out(`wrote ${rows.length} post(s) to ${join(flags.out, 'data.jsonl')} and the dataset card ${join(flags.out, 'README.md')}`);
  if (missingText > 0) io.err(`${missingText} post(s) have no text: their licensor did not publish it; see the card's "Post texts"`);
  return rows.length;
}
