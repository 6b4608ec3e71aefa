import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/api/client';
import { postMessage } from './messages';

afterEach(() => vi.unstubAllGlobals());

describe('a reply between departments', () => {
  it('posts the body as JSON to the request’s messages and answers the timeline entry', async () => {
    const entry = { sequence: 9, type: 'request.message_posted', occurredAt: '2026-12-02T03:00:00Z', actor: 'urban-1', data: { departmentCode: 'urban', body: '已到现场' } };
    const fetch = vi.fn(async (_request: Request) => new Response(JSON.stringify(entry), { status: 201, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    await expect(postMessage('r-1', '已到现场')).resolves.toEqual(entry);
    const request = fetch.mock.calls[0]![0];
    expect(new URL(request.url, 'http://localhost').pathname).toBe('/api/v1/requests/r-1/messages');
    expect(request.method).toBe('POST');
    expect(await request.json()).toEqual({ body: '已到现场' });
  });

  it('turns a refusal into an ApiError with its code, for the Chinese text', async () => {
    const refusal = { statusCode: 403, error: 'Forbidden', message: 'not on this case', code: 'CASEWORK.DEPARTMENT_SCOPE' };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(refusal), { status: 403, headers: { 'Content-Type': 'application/json' } })));
    await expect(postMessage('r-1', 'x')).rejects.toMatchObject({ status: 403, code: 'CASEWORK.DEPARTMENT_SCOPE' });
    await expect(postMessage('r-1', 'x')).rejects.toBeInstanceOf(ApiError);
  });
});
