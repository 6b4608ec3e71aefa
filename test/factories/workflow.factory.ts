import request from 'supertest';
import { bearer } from '../support/test-api';
import { County } from './county.factory';
import { fileRequest } from './http-helpers';
import { requestBody } from './request.factory';

type Http = ReturnType<typeof request>;

/**
 * The steps of the workflow over HTTP, as the tests of whistles, returns, extensions and feedback
 * take them. Answers are JSON the tests pick apart field by field, hence `any` in their types.
 */
export class Workflow {
  constructor(
    readonly http: Http,
    readonly county: County,
  ) {}

  post(path: string, token: string, body: object = {}) {
    return this.http.post(`/api/v1/${path}`).set(bearer(token)).send(body);
  }

  /** A joint case with the county's lead and assisting departments; `overrides` change the filing. */
  async fileJoint(overrides: Record<string, unknown> = {}): Promise<{ filed: Record<string, any>; lead: string; assist: string }> {
    const filed = await fileRequest(this.http, this.county.tokens.worker, requestBody(this.county, { major: true, ...overrides }));
    if (filed.route !== 'joint') throw new Error(`expected a joint case, got ${filed.route}`);
    const idOf = (role: string): string => filed.assignments.find((a: { role: string }) => a.role === role).id;
    return { filed, lead: idOf('lead'), assist: idOf('assist') };
  }

  /** Fails loudly unless the step answers `status`: the tests' set-up must not half-succeed. */
  async step(path: string, token: string, body: object = {}, status = 200): Promise<Record<string, any>> {
    const response = await this.post(path, token, body);
    if (response.status !== status) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  claim(assignmentId: string, token: string) {
    return this.step(`assignments/${assignmentId}/claim`, token);
  }

  resolve(assignmentId: string, token: string, note = 'Done') {
    return this.step(`assignments/${assignmentId}/resolve`, token, { note });
  }

  /** A joint case worked to resolved: the assisting part first, then the lead's answer. */
  async resolvedJoint(leadNote = 'Stalls closed and the meat destroyed'): Promise<{ filed: Record<string, any>; lead: string; assist: string }> {
    const joint = await this.fileJoint();
    await this.claim(joint.lead, this.county.tokens.leadStaff[0]);
    await this.claim(joint.assist, this.county.tokens.assistStaff);
    await this.resolve(joint.assist, this.county.tokens.assistStaff, 'Street cleaned around the market');
    await this.resolve(joint.lead, this.county.tokens.leadStaff[0], leadNote);
    return joint;
  }

  async get<T = Record<string, any>>(path: string, token: string): Promise<T> {
    const response = await this.http.get(`/api/v1/${path}`).set(bearer(token));
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  request(id: string, token = this.county.tokens.admin): Promise<Record<string, any>> {
    return this.get(`requests/${id}`, token);
  }

  async assignment(requestId: string, assignmentId: string): Promise<Record<string, any>> {
    const found = (await this.request(requestId)).assignments.find((a: { id: string }) => a.id === assignmentId);
    if (!found) throw new Error(`request ${requestId} has no assignment ${assignmentId}`);
    return found;
  }
}
