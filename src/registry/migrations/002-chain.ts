// The link to the chain: relaying signed revocations (chain/relayer.ts) and following sales (chain/watcher.ts).
export const sql = `
-- A relay in flight: the signed transaction is stored before it is broadcast, so a retry after a lost answer
-- rebroadcasts the very same transaction (same nonce, same hash) and can never send a second one.
alter table revocations
  add column relay_tx text,
  add column relay_raw text,
  add column relay_nonce numeric(20,0),
  -- Why the last attempt failed and when to try this revocation again (a revert backs off per revocation).
  add column relay_error text,
  add column relay_retry_at timestamptz,
  add column relay_attempts integer not null default 0;

-- Every Licensed event of the exchange the watcher has seen on the current chain; a reorg deletes what it dropped.
create table sales (
  tx_hash text not null,
  log_index integer not null,
  chain_id numeric(78,0) not null,
  exchange text not null,
  block_number numeric(20,0) not null,
  block_hash text not null,
  block_time timestamptz not null,
  offer_id text not null,
  licensor text not null,
  buyer text not null,
  token text not null,
  amount numeric(78,0) not null,
  license_expires_at numeric(20,0) not null,
  primary key (tx_hash, log_index)
);
create index sales_offer on sales (offer_id);
create index sales_block on sales (chain_id, exchange, block_number);

-- What the offer views show, kept by the watcher from sales: no per-row subquery on the query path.
-- A constant default: no table rewrite, however many offers there are.
alter table offers
  add column licensed_count integer not null default 0,
  add column last_licensed_at timestamptz;

-- Where the watcher resumes: a block old enough (reorg depth) to be final, and its hash to prove it still is;
-- null while the chain is shorter than that (every poll reads from the start block then).
create table chain_cursors (
  chain_id numeric(78,0) not null,
  exchange text not null,
  block_number numeric(20,0),
  block_hash text,
  -- The newest block read so far (for /health), and when.
  head_number numeric(20,0) not null,
  updated_at timestamptz not null default now(),
  primary key (chain_id, exchange)
);
`;
