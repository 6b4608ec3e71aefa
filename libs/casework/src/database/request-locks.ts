import { DomainError } from '@app/common';
import { EntityManager } from 'typeorm';
import { AssignmentEntity } from './assignment.entity';
import { RequestEntity } from './request.entity';

/**
 * Loads a request and locks its row for the rest of the transaction. Every command that changes
 * a request or its assignments takes this lock first, so they apply one after another.
 */
export async function lockRequest(manager: EntityManager, id: string): Promise<RequestEntity> {
  const request = await manager.getRepository(RequestEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!request) throw DomainError.notFound('CASEWORK.REQUEST_NOT_FOUND', `no request has id ${id}`);
  return request;
}

/** Finds an assignment, then locks its request (and re-reads the assignment under that lock). */
export async function lockAssignment(
  manager: EntityManager,
  id: string,
): Promise<{ assignment: AssignmentEntity; request: RequestEntity }> {
  const found = await manager.getRepository(AssignmentEntity).findOne({ select: { requestId: true }, where: { id } });
  if (!found) throw DomainError.notFound('CASEWORK.ASSIGNMENT_NOT_FOUND', `no assignment has id ${id}`);
  const request = await lockRequest(manager, found.requestId);
  const assignment = await manager.getRepository(AssignmentEntity).findOneOrFail({ where: { id } });
  return { assignment, request };
}
