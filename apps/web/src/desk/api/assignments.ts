import { api, ApiError, type Schemas, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';

/** The desk's calls about a department's assignments, typed from the api's OpenAPI document. */
export type QueueItem = Schemas['AssignmentQueueItem'];
export type AssignmentSummary = Schemas['AssignmentSummary'];
export type PendingDecision = Schemas['PendingDecision'];
export type Whistle = Schemas['WhistleResponse'];
export type QueueQuery = NonNullable<paths['/api/v1/assignments']['get']['parameters']['query']>;

export function listAssignments(query: QueueQuery): Promise<Schemas['AssignmentPage']> {
  return unwrap(api.GET('/api/v1/assignments', { params: { query } }));
}

/** Who claimed an assignment first, from the details of a 409 CASEWORK.ALREADY_CLAIMED. */
export interface ClaimedFirst {
  claimedBy: string;
  claimedAt: string | null;
}

export type ClaimOutcome = { won: true; assignment: AssignmentSummary } | { won: false; first: ClaimedFirst };

/** Reads the details of an ALREADY_CLAIMED answer; null for any other refusal. */
export function claimedFirst(body: unknown): ClaimedFirst | null {
  if (!body || typeof body !== 'object') return null;
  const shape = body as { code?: unknown; details?: { claimedBy?: unknown; claimedAt?: unknown } };
  if (shape.code !== 'CASEWORK.ALREADY_CLAIMED' || typeof shape.details?.claimedBy !== 'string') return null;
  return { claimedBy: shape.details.claimedBy, claimedAt: typeof shape.details.claimedAt === 'string' ? shape.details.claimedAt : null };
}

/** 签收: the first claim wins; a later one answers who was first (the error's details), not an error. */
export async function claimAssignment(id: string): Promise<ClaimOutcome> {
  try {
    const result = await api.POST('/api/v1/assignments/{id}/claim', { params: { path: { id } } });
    if (result.response.ok && result.data) return { won: true, assignment: result.data };
    const first = result.response.status === 409 ? claimedFirst(result.error) : null;
    if (first) return { won: false, first };
    throw await ApiError.fromResponse(result.response, result.error);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, null, error instanceof Error ? error.message : String(error));
  }
}

/** 回单, with the photos of stage handling already uploaded. */
export function resolveAssignment(id: string, note: string, mediaIds: string[]): Promise<AssignmentSummary> {
  return unwrap(api.POST('/api/v1/assignments/{id}/resolve', { params: { path: { id } }, body: { note, mediaIds } }));
}

/** 退单: not this department's matter, with the reason. */
export function returnAssignment(id: string, reason: string): Promise<unknown> {
  return unwrap(api.POST('/api/v1/assignments/{id}/return', { params: { path: { id } }, body: { reason } }));
}

/** 申请延期: a new due time (ISO 8601 with offset) and the reason. */
export function requestExtension(id: string, requestedDueAt: string, reason: string): Promise<Schemas['ExtensionResponse']> {
  return unwrap(api.POST('/api/v1/assignments/{id}/extend', { params: { path: { id } }, body: { requestedDueAt, reason } }));
}

export function listDecisions(): Promise<Schemas['PendingDecisionPage']> {
  return unwrap(api.GET('/api/v1/assignments/decisions', { params: { query: { pageSize: 100 } } }));
}

export function decideExtension(assignmentId: string, approve: boolean, note?: string): Promise<unknown> {
  return unwrap(api.POST('/api/v1/assignments/{id}/extension-decision', { params: { path: { id: assignmentId } }, body: { approve, note } }));
}

export function decideReturn(assignmentId: string, body: Schemas['DecideReturnDto']): Promise<Schemas['ReturnDecisionResponse']> {
  return unwrap(api.POST('/api/v1/assignments/{id}/return-decision', { params: { path: { id: assignmentId } }, body }));
}

/** 到场报到: the signed-in staff member's department reports on site. */
export function reportArrival(requestId: string, whistleId: string): Promise<Whistle> {
  return unwrap(api.POST('/api/v1/requests/{id}/whistle/{whistleId}/arrive', { params: { path: { id: requestId, whistleId } } }));
}

/** The people's accounts, when the signed-in user may read them (admins); null otherwise. */
export async function listUsersIfAllowed(): Promise<Schemas['UserResponse'][] | null> {
  try {
    return await unwrap(api.GET('/api/v1/users'));
  } catch {
    return null;
  }
}
