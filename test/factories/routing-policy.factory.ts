import request from 'supertest';
import { bearer } from '../support/test-api';

type Http = ReturnType<typeof request>;

export interface RuleBody {
  id: string;
  description: string;
  when: Record<string, unknown>;
  outcome: { route: 'grid' | 'joint'; addDepartments?: string[] };
}

/** The policy in force, as the admin reads it. */
export async function currentPolicy(http: Http, adminToken: string): Promise<{ version: number; rules: RuleBody[] } & Record<string, any>> {
  const response = await http.get('/api/v1/routing-policy').set(bearer(adminToken));
  if (response.status !== 200) throw new Error(`GET routing-policy failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * Saves the current rules plus `extra` as the next version. The test database is shared by every
 * HTTP spec of a run, so tests add rules scoped to their own codes and keep everyone else's routing.
 */
export async function addRules(http: Http, adminToken: string, ...extra: RuleBody[]): Promise<{ version: number } & Record<string, any>> {
  const { rules } = await currentPolicy(http, adminToken);
  const response = await http.put('/api/v1/routing-policy').set(bearer(adminToken)).send({ rules: [...rules, ...extra] });
  if (response.status !== 200) throw new Error(`PUT routing-policy failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
