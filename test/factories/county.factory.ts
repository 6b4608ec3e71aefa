import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { bearer, signIn } from '../support/test-api';

/** A short suffix that keeps each test's codes apart in the shared test database and on Kafka. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export const TEST_PASSWORD = 'test-password-123';

export interface County {
  suffix: string;
  grids: { home: string; other: string };
  departments: { lead: string; assist: string; single: string };
  categories: { joint: string; small: string };
  tokens: {
    admin: string;
    worker: string;
    otherWorker: string;
    leadStaff: string[];
    assistStaff: string;
    singleStaff: string;
    leader: string;
    otherLeader: string;
  };
  users: Record<string, string>;
}

/**
 * Sets up a small county over HTTP as the admin: two grids, three departments, a joint category
 * (lead + assisting department) and a small one, and a user of each role, signed in.
 */
export async function createCounty(http: ReturnType<typeof request>, adminToken: string, staffCount = 3): Promise<County> {
  const s = uniqueSuffix();
  const post = async (path: string, body: object): Promise<void> => {
    const response = await http.post(`/api/v1/${path}`).set(bearer(adminToken)).send(body);
    if (response.status !== 201) throw new Error(`POST ${path} failed: ${response.status} ${JSON.stringify(response.body)}`);
  };
  const grids = { home: `G-${s}-1`, other: `G-${s}-2` };
  const departments = { lead: `market-${s}`, assist: `urban-${s}`, single: `lights-${s}` };
  const categories = { joint: `food-safety-${s}`, small: `street-light-${s}` };
  await post('grids', { code: grids.home, name: 'Home grid', streetCode: `S-${s}` });
  await post('grids', { code: grids.other, name: 'Other grid', streetCode: `S-${s}` });
  for (const [key, code] of Object.entries(departments)) await post('departments', { code, name: `Department ${key}` });
  await post('categories', { code: categories.joint, name: 'Food safety', leadDepartment: departments.lead, assistingDepartments: [departments.assist] });
  await post('categories', { code: categories.small, name: 'Street light', leadDepartment: departments.single, assistingDepartments: [] });

  const users: Record<string, string> = {
    worker: `worker-${s}`,
    otherWorker: `worker2-${s}`,
    assistStaff: `assist-${s}`,
    singleStaff: `single-${s}`,
    leader: `leader-${s}`,
    otherLeader: `leader2-${s}`,
  };
  await post('users', { username: users.worker, password: TEST_PASSWORD, role: 'grid_worker', gridCodes: [grids.home] });
  await post('users', { username: users.otherWorker, password: TEST_PASSWORD, role: 'grid_worker', gridCodes: [grids.other] });
  await post('users', { username: users.assistStaff, password: TEST_PASSWORD, role: 'dept_staff', departmentCode: departments.assist });
  await post('users', { username: users.singleStaff, password: TEST_PASSWORD, role: 'dept_staff', departmentCode: departments.single });
  await post('users', { username: users.leader, password: TEST_PASSWORD, role: 'leader', gridCodes: [grids.home] });
  await post('users', { username: users.otherLeader, password: TEST_PASSWORD, role: 'leader', gridCodes: [grids.other] });
  const leadStaffNames = Array.from({ length: staffCount }, (_, i) => `lead${i}-${s}`);
  for (const username of leadStaffNames) {
    await post('users', { username, password: TEST_PASSWORD, role: 'dept_staff', departmentCode: departments.lead });
  }
  const token = (username: string): Promise<string> => signIn(http, username, TEST_PASSWORD);
  return {
    suffix: s,
    grids,
    departments,
    categories,
    users,
    tokens: {
      admin: adminToken,
      worker: await token(users.worker),
      otherWorker: await token(users.otherWorker),
      leadStaff: await Promise.all(leadStaffNames.map(token)),
      assistStaff: await token(users.assistStaff),
      singleStaff: await token(users.singleStaff),
      leader: await token(users.leader),
      otherLeader: await token(users.otherLeader),
    },
  };
}
