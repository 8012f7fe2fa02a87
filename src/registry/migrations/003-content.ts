// Post content on offers, and a cheaper ingest.
export const sql = `
-- The post's text and media URLs as the licensor saw them, when the batch carried them: checked on ingest to hash
-- to the signed content_hash (batch-check.ts), served with the offer, exported by buyers as the training text.
alter table offers
  add column post_text text,
  add column post_media text[];

-- Offers are only ever written by storeBatch, in the transaction that writes their batch and terms, and
-- revoked_by only by the revocation stored in the same transaction. Their per-row foreign-key triggers were a
-- third of the time to store 10,000 offers; the code keeps these links instead.
alter table offers
  drop constraint offers_batch_id_fkey,
  drop constraint offers_terms_hash_fkey,
  drop constraint offers_revoked_by_fkey;
`;
