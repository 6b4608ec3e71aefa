import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { County } from '../factories/county.factory';
import { fileRequest as fileRequestAs } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { eventually } from './eventually';
import { bearer } from './test-api';

type Http = ReturnType<typeof request>;

export interface AssignmentView {
  id: string;
  departmentCode: string;
  role: 'lead' | 'assist';
  deliveredAt: string | null;
}

export interface TimelineView {
  sequence: number;
  type: string;
  occurredAt: string;
  actor?: string;
  data?: Record<string, unknown>;
}

export interface RequestView {
  id: string;
  trackingNo: string;
  route: 'grid' | 'joint';
  assignments: AssignmentView[];
  timeline?: TimelineView[];
}

/** Files a request over HTTP as the county's grid worker; fails unless the api answers 201. */
export async function fileRequest(
  http: Http,
  county: County,
  options: { major?: boolean; correlationId?: string } & Record<string, unknown> = {},
): Promise<RequestView> {
  const { correlationId, ...body } = options;
  const filed = await fileRequestAs(http, county.tokens.worker, requestBody(county, body), {
    'X-Correlation-Id': correlationId ?? `it-${randomUUID()}`,
  });
  return filed as RequestView;
}

export async function getRequest(http: Http, token: string, id: string): Promise<RequestView> {
  const response = await http.get(`/api/v1/requests/${id}`).set(bearer(token));
  if (response.status !== 200) throw new Error(`GET /requests/${id}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as RequestView;
}

/** Polls GET /requests/:id until every assignment shows deliveredAt; returns that view. */
export function waitUntilDelivered(http: Http, token: string, id: string, timeoutMs = 20_000): Promise<RequestView> {
  return eventually(
    `every assignment of request ${id} delivered`,
    async () => {
      const view = await getRequest(http, token, id);
      const pending = view.assignments.filter((a) => !a.deliveredAt).map((a) => a.departmentCode);
      if (view.assignments.length === 0 || pending.length > 0) throw new Error(`not delivered yet: ${pending.join(', ') || '(no assignments)'}`);
      return view;
    },
    { timeoutMs, intervalMs: 250 },
  );
}
