/** Rows of one statement, and how many rows it inserted, updated or deleted. */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** What a transaction can do: the same SQL runs on PGlite and on PostgreSQL. */
export interface Queryable {
  /**
   * One statement with `$1`-style parameters. Both drivers hand back int8 and numeric as decimal strings
   * (never a lossy JS number), timestamptz as Date and jsonb as parsed JSON.
   */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * `copy <target> from …` with `data` in COPY's text format (a line per row, tab-separated, `\N` for null), on a
   * driver that can take it in one step (PGlite: from a blob), returning the rows copied. Absent on node-postgres,
   * which has no COPY without another package: callers insert with `query` there.
   */
  copyFrom?(target: string, data: Uint8Array<ArrayBuffer>): Promise<number>;
}

/** The registry's database: embedded PGlite or a PostgreSQL server behind one interface. */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Run `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
