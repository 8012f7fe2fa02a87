// Hex values (ids, addresses, hashes) are text in the one form the code writes: bytes32 lowercase, addresses
// checksummed. uint256 values are numeric(78,0), which compares exactly at any size (maxPrice filters); uint64
// values are numeric(20,0) because bigint stops at 2^63 - 1.
export const sql = `
create table batches (
  batch_id text primary key,
  chain_id numeric(78,0) not null,
  verifying_contract text not null,
  licensor text not null,
  root text not null,
  leaf_count integer not null,
  counter numeric(78,0) not null,
  issued_at numeric(20,0) not null,
  signature text not null,
  received_at timestamptz not null default now()
);

create table terms (
  terms_hash text primary key,
  terms jsonb not null
);

-- Every kind (see offers.kind) any offer has ever had, and the lowest price ever offered under it: a handful
-- of rows the query path starts from. A maxPrice below a kind's lowest price skips that kind outright.
create table offer_kinds (
  kind smallint primary key,
  min_price numeric(78,0) not null
);

create table revocations (
  revocation_id text primary key,
  chain_id numeric(78,0) not null,
  verifying_contract text not null,
  licensor text not null,
  offer_ids text[] not null,
  issued_at numeric(20,0) not null,
  signature text not null,
  received_at timestamptz not null default now(),
  relayed_at timestamptz
);
create index revocations_unrelayed on revocations (received_at) where relayed_at is null;

create table offers (
  offer_id text primary key,
  -- Insertion order: the one stable order the query path pages through (keyset on seq).
  seq bigint generated always as identity,
  batch_id text not null references batches (batch_id),
  licensor text not null,
  platform text not null,
  post_id text not null,
  url text not null,
  content_hash text not null,
  terms_hash text not null references terms (terms_hash),
  price numeric(78,0) not null,
  token text not null,
  chain_id numeric(78,0) not null,
  valid_until numeric(20,0) not null,
  license_duration numeric(20,0) not null,
  salt text not null,
  -- What the terms allow: bit i for USAGES[i] (permitted, not prohibited), bit 4 + j for USER_CLASSES[j].
  kind smallint not null,
  -- The Merkle proof of offer_id under the batch root: the sibling hashes, 32 bytes each, leaf to root.
  proof bytea not null,
  -- False once revoked or (swept after) expired: the query indexes hold live offers only.
  live boolean not null default true,
  revoked_at timestamptz,
  revoked_by text references revocations (revocation_id)
);
create index offers_batch on offers (batch_id);
-- The query path reads one of these per kind (queries/offers.ts), each already in seq order, so a page costs
-- about the rows it returns whatever the filters. The kind sits before seq so that a rare kind is never found by
-- scanning past common ones. The price index, with the statistics on how price goes with kind, answers a
-- maxPrice that few offers of a kind meet.
create index offers_live_kind on offers (kind, seq) where live;
create index offers_live_licensor on offers (licensor, kind, seq) where live;
create index offers_live_token on offers (token, kind, seq) where live;
create index offers_live_platform on offers (platform, kind, seq) where live;
create index offers_live_price on offers (kind, price) where live;
create statistics offers_kind_price (mcv) on kind, price from offers;
-- The expiry sweep (maintenance.ts) finds what to take out of the live indexes here.
create index offers_live_expiry on offers (valid_until) where live;
`;
