/**
 * Polls `probe` until it returns without throwing (assertions included), or fails with the
 * last error once `timeoutMs` has passed. No fixed sleeps: the tier must pass on a slow machine.
 */
export async function eventually<T>(
  description: string,
  probe: () => Promise<T> | T,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const intervalMs = options.intervalMs ?? 200;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const detail = lastError instanceof Error ? lastError.message : String(lastError);
  const error = new Error(`not true within ${timeoutMs} ms: ${description}\n${detail}`);
  if (lastError instanceof Error && lastError.stack) error.stack = `${error.message}\n--- last attempt ---\n${lastError.stack}`;
  throw error;
}
