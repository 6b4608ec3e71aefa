/**
 * Ordinary user sessions against a running service and its demo county (what `npm start` seeds):
 * a grid worker files small and joint matters and reads them back and tracks them, department
 * staff race for the claims and resolve, the worker closes grid tasks with feedback, the leader
 * reads the figures. Every answer is counted by status; a 5xx is kept with what was asked.
 */

export const DEMO_USERS = {
  workers: [
    { username: 'worker.binhe', grids: ['G-0101', 'G-0102'] },
    { username: 'worker.xinglong', grids: ['G-0201'] },
  ],
  marketStaff: 'staff.market',
  urbanStaff: ['staff.urban', 'staff.urban2'],
  leader: 'leader.street',
  password: 'demo-pass-2026',
} as const;

export interface SessionReport {
  /** How many answers had each status. */
  statuses: Record<number, number>;
  /** Every 5xx, unanswered call and refused sign-in of a demo user, with what was asked. */
  failures: string[];
  /** Every 4xx with what was asked and the error code (a lost claim race is one). */
  refusals: string[];
  filed: number;
}

interface Answer {
  status: number;
  body: any;
}

class Client {
  constructor(
    private readonly baseUrl: string,
    private readonly report: SessionReport,
  ) {}

  async call(method: string, path: string, token?: string, body?: unknown): Promise<Answer> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      this.report.failures.push(`${method} ${path}: no answer (${String(error)})`);
      return { status: 0, body: null };
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (the CSV export): kept as text.
    }
    this.report.statuses[response.status] = (this.report.statuses[response.status] ?? 0) + 1;
    if (response.status >= 500) this.report.failures.push(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    else if (response.status >= 400) this.report.refusals.push(`${method} ${path}: ${response.status} ${(parsed as { code?: string })?.code ?? ''}`);
    return { status: response.status, body: parsed };
  }

  async signIn(username: string, password: string): Promise<string> {
    const answer = await this.call('POST', '/api/v1/auth/token', undefined, { username, password });
    if (answer.status !== 200) this.report.failures.push(`sign-in of ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.status === 200 ? (answer.body.accessToken as string) : '';
  }
}

function filing(gridCode: string, joint: boolean, n: number): Record<string, unknown> {
  return joint
    ? {
        gridCode,
        categoryCode: 'food-safety',
        title: `Spoiled food at the night market (${n})`,
        description: 'Several stalls sell spoiled meat; two people fell ill.',
        location: { lat: 40.14, lng: 117.12, address: 'Binhe Road 12' },
        reporter: { name: 'Wang Fang', phone: '13800001234' },
        safetyRisk: true,
        affectedPeople: 12,
        urgency: 'high',
      }
    : {
        gridCode,
        categoryCode: n % 2 ? 'noise' : 'street-lighting',
        title: `Street light out at gate ${n}`,
        description: 'The light has been out for two nights.',
        reporter: { name: 'Li Lei', phone: '13900002222' },
      };
}

/** One user session: `filings` matters filed, worked and watched. */
async function runSession(client: Client, index: number, filings: number, report: SessionReport): Promise<void> {
  const worker = DEMO_USERS.workers[index % DEMO_USERS.workers.length];
  const [workerToken, marketToken, urbanTokens, leaderToken] = await Promise.all([
    client.signIn(worker.username, DEMO_USERS.password),
    client.signIn(DEMO_USERS.marketStaff, DEMO_USERS.password),
    Promise.all(DEMO_USERS.urbanStaff.map((u) => client.signIn(u, DEMO_USERS.password))),
    client.signIn(DEMO_USERS.leader, DEMO_USERS.password),
  ]);

  for (let n = 0; n < filings; n += 1) {
    const grid = worker.grids[n % worker.grids.length];
    const filed = await client.call('POST', '/api/v1/requests', workerToken, filing(grid, n % 3 === 0, n));
    if (filed.status !== 201) continue;
    report.filed += 1;
    const id = filed.body.id as string;
    await Promise.all([
      client.call('GET', `/api/v1/requests/${id}`, workerToken),
      client.call('GET', `/api/v1/track/${filed.body.trackingNo}`),
      client.call('GET', `/api/v1/requests?status=open&page=1&pageSize=20`, workerToken),
    ]);

    if (filed.body.route === 'joint') {
      // Assisting parts first: the lead department answers once they are done.
      const assignments = [...(filed.body.assignments as { id: string; departmentCode: string; role: string }[])].sort(
        (a, b) => Number(a.role === 'lead') - Number(b.role === 'lead'),
      );
      for (const assignment of assignments) {
        // Two members of staff of urban management race for its claim; market regulation has one;
        // the demo county has no staff in the other departments.
        const staff: Record<string, string[]> = { 'urban-management': urbanTokens, 'market-regulation': [marketToken] };
        const tokens = staff[assignment.departmentCode] ?? [];
        const claims = await Promise.all(tokens.map((t) => client.call('POST', `/api/v1/assignments/${assignment.id}/claim`, t)));
        const winner = claims.findIndex((c) => c.status === 200);
        if (winner >= 0) {
          await client.call('POST', `/api/v1/assignments/${assignment.id}/resolve`, tokens[winner], { note: 'Inspected and settled' });
        }
      }
    } else {
      await client.call('POST', `/api/v1/requests/${id}/resolve`, workerToken, { note: 'Fixed on site' });
      await client.call('POST', `/api/v1/requests/${id}/feedback`, workerToken, { resolved: true, satisfied: n % 4 !== 1 });
    }
    await Promise.all([
      client.call('GET', `/api/v1/requests/${id}`, workerToken),
      client.call('GET', `/api/v1/track/${filed.body.trackingNo}`),
      client.call('GET', '/api/v1/monitoring/me', leaderToken),
      client.call('GET', `/api/v1/monitoring/grids/${grid}`, leaderToken),
      client.call('GET', '/api/v1/monitoring/overdue', leaderToken),
      client.call('GET', `/api/v1/assignments?department=urban-management`, urbanTokens[0]),
    ]);
  }
  await client.call('GET', '/api/v1/monitoring/streets/S-PG01', leaderToken);
  await client.call('GET', '/api/v1/monitoring/export.csv?scope=grid&code=G-0101', leaderToken);
}

/** `sessions` user sessions at the same time, each filing `filings` matters. */
export async function runUserSessions(baseUrl: string, sessions: number, filings: number): Promise<SessionReport> {
  const report: SessionReport = { statuses: {}, failures: [], refusals: [], filed: 0 };
  const client = new Client(baseUrl, report);
  await Promise.all(Array.from({ length: sessions }, (_, i) => runSession(client, i, filings, report)));
  return report;
}
