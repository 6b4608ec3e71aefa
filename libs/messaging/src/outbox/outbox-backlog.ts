import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How far the outbox relay is behind, read from the database so that every replica sees the same. */
export interface OutboxBacklog {
  /** Rows waiting to be published. */
  rows: number;
  /** Age of the oldest waiting row; null when none waits. */
  oldestAgeSeconds: number | null;
  /** Time since any relay last published; null when none ever has. */
  sinceLastPublishSeconds: number | null;
}

/** A relay that has had rows waiting and published nothing for this long has stalled. */
export const RELAY_STALL_SECONDS = 30;

/** Why the relay counts as stalled, or null while it keeps up (a long backlog that drains is not a stall). */
export function relayStall(backlog: OutboxBacklog): string | null {
  if (backlog.rows === 0 || (backlog.oldestAgeSeconds ?? 0) < RELAY_STALL_SECONDS) return null;
  const quiet = backlog.sinceLastPublishSeconds;
  if (quiet !== null && quiet < RELAY_STALL_SECONDS) return null;
  return (
    `${backlog.rows} events wait to be published, the oldest for ${Math.round(backlog.oldestAgeSeconds ?? 0)} s; ` +
    (quiet === null ? 'nothing has ever been published' : `nothing published for ${Math.round(quiet)} s`)
  );
}

@Injectable()
export class OutboxBacklogReader {
  constructor(private readonly dataSource: DataSource) {}

  async read(): Promise<OutboxBacklog> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS rows,
              extract(epoch FROM clock_timestamp() - min(created_at))::float8 AS oldest,
              (SELECT extract(epoch FROM clock_timestamp() - last_published_at)::float8 FROM outbox_relay_state) AS quiet
         FROM outbox WHERE published_at IS NULL`,
    )) as { rows: number; oldest: number | null; quiet: number | null }[];
    return { rows: row.rows, oldestAgeSeconds: row.oldest, sinceLastPublishSeconds: row.quiet };
  }
}
