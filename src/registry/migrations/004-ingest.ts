// A cheaper ingest.
export const sql = `
-- Nothing reads offers by batch_id (an offer's batch is joined from the offer, by the batch's primary key): this
-- index only served the foreign key 003-content dropped, and cost every stored offer one more index entry.
drop index offers_batch;
`;
