import { County, createCounty } from '../factories/county.factory';
import { fileRequest } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { bearer, startTestApi, TestApi } from '../support/test-api';

type Answer = { status: number; headers: Record<string, string> };

describe('security headers over HTTP', () => {
  let api: TestApi;
  let county: County;
  let filed: Record<string, any>;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken, 1);
    filed = await fileRequest(api.http, county.tokens.worker, requestBody(county));
  });
  afterAll(() => api.close());

  const everywhere = (answer: Answer): void => {
    expect(answer.headers['x-powered-by']).toBeUndefined();
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  };

  it('keeps every api answer, success or error, signed in or public, out of caches, and says nothing of the server', async () => {
    const answers: Array<[string, Answer]> = [
      ['a request with the reporter’s contact', await api.http.get(`/api/v1/requests/${filed.id}`).set(bearer(county.tokens.worker))],
      ['a list', await api.http.get('/api/v1/requests').set(bearer(county.tokens.worker))],
      ['the filing answer', await api.http.post('/api/v1/requests').set(bearer(county.tokens.worker)).send(requestBody(county))],
      ['the tracking page', await api.http.get(`/api/v1/track/${filed.trackingNo}`)],
      ['a token', await api.http.post('/api/v1/auth/token').send({ username: county.users.worker, password: 'test-password-123' })],
      ['a 401', await api.http.get('/api/v1/requests')],
      ['a 404', await api.http.get('/api/v1/no-such-thing').set(bearer(county.tokens.worker))],
    ];
    for (const [what, answer] of answers) {
      expect({ what, status: answer.status < 500 }).toEqual({ what, status: true });
      everywhere(answer);
      expect({ what, cache: answer.headers['cache-control'] }).toEqual({ what, cache: 'no-store' });
    }
  });

  it('forbids other sites to frame the dashboard, and lets it load only its own scripts and styles', async () => {
    const page = await api.http.get('/dashboard');
    expect(page.status).toBe(200);
    everywhere(page);
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('serves the API docs under the same policy, with their scripts and styles from this origin', async () => {
    const docs = await api.http.get('/docs/').redirects(1);
    expect(docs.status).toBe(200);
    everywhere(docs);
    expect(docs.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    // Under script-src 'self' an inline script would not run: every script of the page is a file.
    const html = docs.text;
    expect(html).toMatch(/<script[^>]+src=/);
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? []).toEqual([]);
  });

  it('adds the same headers to the service endpoints', async () => {
    for (const path of ['/health', '/metrics']) everywhere(await api.http.get(path));
  });
});
