import request from 'supertest';
import { bearer, signIn } from '../support/test-api';
import { County, TEST_PASSWORD, uniqueSuffix } from './county.factory';

type Http = ReturnType<typeof request>;

/** The username createCounty gave the i-th member of staff of the lead department. */
export function leadStaffName(county: County, i: number): string {
  return `lead${i}-${county.suffix}`;
}

/** Files a request as `token` (with extra headers if given), failing loudly unless it is accepted. */
export async function fileRequest(http: Http, token: string, body: object, headers: Record<string, string> = {}): Promise<Record<string, any>> {
  const response = await http.post('/api/v1/requests').set(bearer(token)).set(headers).send(body);
  if (response.status !== 201) throw new Error(`filing failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Creates a user as the admin and signs them in. */
export async function createUser(http: Http, adminToken: string, body: Record<string, unknown>): Promise<string> {
  const response = await http
    .post('/api/v1/users')
    .set(bearer(adminToken))
    .send({ password: TEST_PASSWORD, ...body });
  if (response.status !== 201) throw new Error(`POST users failed: ${response.status} ${JSON.stringify(response.body)}`);
  return signIn(http, body.username as string, TEST_PASSWORD);
}

/**
 * A fresh single-department category for grid-route filings: the same-category cluster rule sends
 * the third open request of one category in one grid to the joint route, so tests that need a
 * grid task file it under a category of their own.
 */
export async function createSmallCategory(http: Http, adminToken: string, county: County): Promise<string> {
  const code = `small-${uniqueSuffix()}`;
  const response = await http
    .post('/api/v1/categories')
    .set(bearer(adminToken))
    .send({ code, name: 'Small matter', leadDepartment: county.departments.single, assistingDepartments: [] });
  if (response.status !== 201) throw new Error(`POST categories failed: ${response.status} ${JSON.stringify(response.body)}`);
  return code;
}

/** The error shape of PRODUCT.md section 4, with a message that mentions every fragment given. */
export function expectError(response: { status: number; body: any; headers: Record<string, string> }, status: number, ...fragments: string[]): void {
  expect({ status: response.status, body: response.body }).toEqual({
    status,
    body: expect.objectContaining({ statusCode: status, error: expect.any(String), message: expect.any(String) }),
  });
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  for (const fragment of fragments) expect(response.body.message).toContain(fragment);
}
