/** An unsigned JWT with the claims the app reads (the server checks signatures; the app never does). */
export function fakeToken(claims: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.signature`;
}

export const WORKER_CLAIMS = {
  sub: '0b7f8e0e-4a52-4a4f-9d8c-1c1a2b3c4d5e',
  name: 'worker.binhe',
  role: 'grid_worker',
  grids: ['G-0101'],
  dept: null,
  exp: Math.floor(Date.now() / 1000) + 3600,
};
