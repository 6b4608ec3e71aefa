/**
 * PostgreSQL error classes that say the database cannot serve right now, not that the request is
 * wrong: connection exceptions (08), operator intervention (57: shutdown, restart, a statement
 * cancelled by statement_timeout), insufficient resources (53: too many connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08|57|53)/;
/** What node-postgres says when the server went away or never answered. */
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|ECONNREFUSED|ECONNRESET|the database system is (starting up|shutting down)/i;

/** What TypeORM throws when a transaction's connection was cut under it (the server restarted). */
const CONNECTION_LOST = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/** True when an error means the database is unreachable or overloaded, so the client should try again shortly. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Error && CONNECTION_LOST.has(error.name)) return true;
  const driverError = (error as { driverError?: unknown })?.driverError ?? error;
  const { code, message } = (driverError ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || code === 'ECONNREFUSED' || code === 'ECONNRESET')) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message);
}
