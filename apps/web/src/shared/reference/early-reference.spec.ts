import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeToken, WORKER_CLAIMS } from '../../test-support/tokens';

/** Loads the early script afresh, as a page opening at `path` runs it. */
async function openPage(path: string): Promise<typeof import('./early-reference')> {
  window.history.replaceState(null, '', path);
  vi.resetModules();
  return import('./early-reference');
}

describe('the reference data asked for as the page opens', () => {
  const fetch = vi.fn((_path: string, _init?: RequestInit) => Promise.resolve(new Response('[]', { status: 200 })));

  beforeEach(() => {
    sessionStorage.clear();
    fetch.mockClear();
    vi.stubGlobal('fetch', fetch);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    window.history.replaceState(null, '', '/');
  });

  it('starts the three calls with the grid worker’s token on a field page, each answer taken once', async () => {
    const token = fakeToken(WORKER_CLAIMS);
    sessionStorage.setItem('gg.session', token);
    const early = await openPage('/field/file');
    expect(fetch.mock.calls.map(([path]) => path)).toEqual(['/api/v1/grids', '/api/v1/departments', '/api/v1/categories']);
    expect(fetch.mock.calls[0]).toEqual(['/api/v1/grids', { headers: { Authorization: `Bearer ${token}` } }]);
    expect(early.takeEarlyAnswer('/api/v1/categories')).toBeInstanceOf(Promise);
    // A later load (the outbox's refresh, a forced reload) asks the api again.
    expect(early.takeEarlyAnswer('/api/v1/categories')).toBeNull();
  });

  it('asks for nothing without a grid worker’s valid token, or outside the field app', async () => {
    await openPage('/field/file');
    sessionStorage.setItem('gg.session', fakeToken({ ...WORKER_CLAIMS, role: 'dept_staff' }));
    await openPage('/field/file');
    sessionStorage.setItem('gg.session', fakeToken({ ...WORKER_CLAIMS, exp: Math.floor(Date.now() / 1000) - 1 }));
    await openPage('/field/file');
    sessionStorage.setItem('gg.session', fakeToken(WORKER_CLAIMS));
    const early = await openPage('/desk');
    expect(fetch).not.toHaveBeenCalled();
    expect(early.takeEarlyAnswer('/api/v1/grids')).toBeNull();
  });
});
