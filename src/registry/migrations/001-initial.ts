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

-- seq is the insertion order: the one stable order the query path pages through (keyset on seq).
create table offers (
  seq bigint generated always as identity primary key,
  offer_id text not null unique,
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
  -- What the terms allow, one column each so the planner has statistics for every filter a buyer uses.
  use_ai_train boolean not null,
  use_ai_input boolean not null,
  use_ai_index boolean not null,
  use_search boolean not null,
  user_commercial boolean not null,
  user_non_commercial boolean not null,
  user_education boolean not null,
  user_government boolean not null,
  user_personal boolean not null,
  revoked_at timestamptz,
  revoked_by text references revocations (revocation_id)
);
create index offers_batch on offers (batch_id);
-- Live offers only: a revoked offer leaves these at once. (filter, seq) serves "filter, in seq order, after
-- the cursor" straight from the index; the price index serves a maxPrice that few offers meet.
create index offers_live_platform on offers (platform, seq) where revoked_at is null;
create index offers_live_licensor on offers (licensor, seq) where revoked_at is null;
create index offers_live_token on offers (token, seq) where revoked_at is null;
create index offers_live_price on offers (price, seq) where revoked_at is null;
`;
