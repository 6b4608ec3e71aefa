import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AssignmentEntity } from '../database/assignment.entity';
import { lockAssignment } from '../database/request-locks';
import { EVENT_TYPES } from '../domain/event-types';
import { RequestTimeline } from '../timeline/request-timeline';

/**
 * Records that a department's handler received an assignment, in the handler's own
 * transaction (the inbox's). Only the first delivery counts.
 */
@Injectable()
export class AssignmentDelivery {
  constructor(private readonly timeline: RequestTimeline) {}

  /** Returns false when this assignment's delivery was already recorded. */
  async record(manager: EntityManager, assignmentId: string, departmentCode: string, consumer: string): Promise<boolean> {
    const { assignment, request } = await lockAssignment(manager, assignmentId);
    if (assignment.departmentCode !== departmentCode) {
      throw new Error(`assignment ${assignmentId} belongs to ${assignment.departmentCode}, not to ${departmentCode}`);
    }
    if (assignment.deliveredAt) return false;
    const now = new Date();
    await manager.getRepository(AssignmentEntity).update(assignment.id, { deliveredAt: now });
    await this.timeline.append(
      manager,
      request,
      [{ type: EVENT_TYPES.assignmentDelivered, payload: { assignmentId, departmentCode, consumer } }],
      now,
    );
    return true;
  }
}
