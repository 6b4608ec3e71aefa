/**
 * The filing page needs the county's grids, departments and categories before it is usable. This
 * small script, a page entry of its own that the page runs before the app's code has arrived,
 * starts those calls at once on a grid worker's page, so on a slow network they travel beside the
 * code instead of after it. reference-data.ts takes the answers; it imports nothing, to stay small.
 */
export const REFERENCE_PATHS = ['/api/v1/grids', '/api/v1/departments', '/api/v1/categories'] as const;

const started = new Map<string, Promise<Response>>();

/** The role and expiry in the token the tab keeps (auth.store.ts checks it properly; the server checks it always). */
function gridWorkerToken(): string | null {
  try {
    const token = sessionStorage.getItem('gg.session');
    const payload = token?.split('.')[1];
    if (!token || !payload) return null;
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { role?: string; exp?: number };
    return claims.role === 'grid_worker' && (claims.exp ?? 0) * 1000 > Date.now() ? token : null;
  } catch {
    return null;
  }
}

if (typeof location !== 'undefined' && location.pathname.startsWith('/field')) {
  const token = gridWorkerToken();
  for (const path of token ? REFERENCE_PATHS : []) {
    const answer = fetch(path, { headers: { Authorization: `Bearer ${token}` } });
    // Offline, the call fails; whoever takes it hears that, and nobody else has to.
    answer.catch(() => undefined);
    started.set(path, answer);
  }
}

/** The answer of a call this script started, once (a later load asks the api again); null when none was started. */
export function takeEarlyAnswer(path: string): Promise<Response> | null {
  const answer = started.get(path) ?? null;
  started.delete(path);
  return answer;
}
