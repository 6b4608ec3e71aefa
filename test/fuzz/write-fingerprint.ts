import { TestDatabase } from '../support/database';

/**
 * Tables that change with no request in flight, left out: the consumers' inbox, the monitoring
 * read models (written as events arrive from Kafka), the relay's last publish and the event log
 * of a process without Kafka. In the outbox only inserts and deletes count, as the relay marks
 * rows published in the background. A table that a refused request may rightly write belongs here
 * too, with the reason: a failed sign-in counts towards its account's lockout (sign_in_attempts).
 */
const BACKGROUND_TABLES = /^(inbox|mon_.*|outbox_relay_state|embedded_.*|sign_in_attempts)$/;
const INSERTS_AND_DELETES_ONLY = new Set(['outbox']);

/**
 * Counts the rows every request writes, table by table, in the fuzz tier's own database: a
 * row-level trigger on each table adds to `fuzz_writes` in the writing transaction, so the count
 * moves exactly when a write commits. A refused request must leave it as it was.
 */
export class WriteFingerprint {
  private constructor(private readonly db: TestDatabase) {}

  static async install(db: TestDatabase): Promise<WriteFingerprint> {
    await db.query(`CREATE TABLE IF NOT EXISTS fuzz_writes (table_name text PRIMARY KEY, rows_written bigint NOT NULL)`);
    await db.query(`
      CREATE OR REPLACE FUNCTION fuzz_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO fuzz_writes AS w (table_name, rows_written) VALUES (TG_TABLE_NAME, 1)
          ON CONFLICT (table_name) DO UPDATE SET rows_written = w.rows_written + 1;
        RETURN NULL;
      END $$`);
    const tables = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'fuzz_writes'`,
    );
    for (const { table_name: table } of tables) {
      if (BACKGROUND_TABLES.test(table)) continue;
      const events = INSERTS_AND_DELETES_ONLY.has(table) ? 'INSERT OR DELETE' : 'INSERT OR UPDATE OR DELETE';
      await db.query(`DROP TRIGGER IF EXISTS fuzz_count_write ON "${table}"`);
      await db.query(`CREATE TRIGGER fuzz_count_write AFTER ${events} ON "${table}" FOR EACH ROW EXECUTE FUNCTION fuzz_count_write()`);
    }
    return new WriteFingerprint(db);
  }

  /** Rows written so far, table by table. */
  async take(): Promise<Record<string, string>> {
    const rows = await this.db.query<{ table_name: string; rows_written: string }>('SELECT table_name, rows_written FROM fuzz_writes');
    return Object.fromEntries(rows.map((row) => [row.table_name, row.rows_written]));
  }
}

/** The tables written between two fingerprints, with their counts. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after })
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table}: ${before[table] ?? 0} -> ${after[table] ?? 0} rows written`);
}
