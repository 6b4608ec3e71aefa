import { Pool } from 'pg';
import { TEST_DATABASE_URL } from './environment';

/** Direct reads of the test database, for what the HTTP api does not show (inbox, outbox, event ids). */
export class TestDatabase {
  private readonly pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 2 });

  async query<R extends Record<string, unknown> = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
    const result = await this.pool.query(sql, params);
    return result.rows as R[];
  }

  /** A request's events in the order of its timeline, with the event ids the api does not expose. */
  async eventsOf(requestId: string): Promise<{ event_id: string; sequence: number; type: string }[]> {
    return this.query('SELECT event_id, sequence, type FROM request_events WHERE request_id = $1 ORDER BY sequence', [requestId]);
  }

  async gridIdOf(gridCode: string): Promise<string> {
    const [row] = await this.query<{ id: string }>('SELECT id FROM grids WHERE code = $1', [gridCode]);
    if (!row) throw new Error(`no grid ${gridCode}`);
    return row.id;
  }

  /** Runs `statement` in a transaction of its own that stays open, holding its locks, until released. */
  async holdLock(statement: string): Promise<{ release(): Promise<void> }> {
    const client = await this.pool.connect();
    await client.query('BEGIN');
    await client.query(statement);
    return {
      release: async () => {
        await client.query('ROLLBACK');
        client.release();
      },
    };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
