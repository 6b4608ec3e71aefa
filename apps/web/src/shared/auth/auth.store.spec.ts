import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { readToken, useAuthStore } from './auth.store';

function token(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value)))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.signature`;
}

const worker = { sub: '0b7f8e0e-4a52-4a4f-9d8c-1c1a2b3c4d5e', name: '网格员小王', role: 'grid_worker', grids: ['G-0101'], dept: null, exp: Math.floor(Date.now() / 1000) + 3600 };

describe('the signed-in user', () => {
  beforeEach(() => {
    sessionStorage.clear();
    setActivePinia(createPinia());
    vi.restoreAllMocks();
  });

  it('is read from the token’s claims, Chinese names included', () => {
    expect(readToken(token(worker))).toMatchObject({ username: '网格员小王', role: 'grid_worker', gridCodes: ['G-0101'] });
    expect(readToken('not-a-token')).toBeNull();
  });

  it('survives a reload of the tab (sessionStorage) until it expires', () => {
    sessionStorage.setItem('gg.session', token(worker));
    expect(useAuthStore().signedIn).toBe(true);
    setActivePinia(createPinia());
    sessionStorage.setItem('gg.session', token({ ...worker, exp: Math.floor(Date.now() / 1000) - 1 }));
    expect(useAuthStore().signedIn).toBe(false);
  });

  it('is signed out when the api refuses the token as revoked', async () => {
    sessionStorage.setItem('gg.session', token(worker));
    const auth = useAuthStore();
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ statusCode: 401, error: 'Unauthorized', message: 'revoked', code: 'AUTH.TOKEN_REVOKED' }), {
        status: 401,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    await api.GET('/api/v1/grids');
    expect(auth.signedIn).toBe(false);
    expect(sessionStorage.getItem('gg.session')).toBeNull();
  });

  it('sends the token with every call', async () => {
    sessionStorage.setItem('gg.session', token(worker));
    useAuthStore();
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    await api.GET('/api/v1/grids');
    const request = fetch.mock.calls[0]?.[0] as Request;
    expect(request.headers.get('Authorization')).toBe(`Bearer ${token(worker)}`);
  });
});
