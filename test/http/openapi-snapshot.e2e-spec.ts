import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, TestApi } from '../support/test-api';

const SNAPSHOT = join(__dirname, '..', '..', 'apps', 'web', 'src', 'shared', 'api', 'openapi.json');

/**
 * The web app's types are generated from a committed copy of the api's OpenAPI document. When a
 * DTO or an endpoint changes, this fails until the copy is made again: `npm run openapi:snapshot`
 * (which also regenerates schema.d.ts, so the app's type check sees the change).
 */
describe('the OpenAPI snapshot the web app is typed from', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('is what the api serves at /docs-json', async () => {
    const served = await api.http.get('/docs-json');
    expect(served.status).toBe(200);
    const snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as unknown;
    expect(served.body).toEqual(snapshot);
  });
});
