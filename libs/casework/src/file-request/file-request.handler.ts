import { Actor, DomainError, toOffsetIso } from '@app/common';
import { UnitOfWork, isUniqueViolation } from '@app/persistence';
import { CategoryEntity, GridEntity, gridContaining } from '@app/reference-data';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DeadlineClock } from '../calendar/deadline-clock';
import { AssignmentEntity } from '../database/assignment.entity';
import { assignmentCreated, newAssignment } from '../database/new-assignment';
import { RequestEntity } from '../database/request.entity';
import { EVENT_TYPES } from '../domain/event-types';
import { caseDepartments, decideRoute } from '../domain/routing-policy';
import { newTrackingNumber } from '../domain/tracking-number';
import { findLikelyDuplicates } from '../link-duplicate/likely-duplicates';
import { reporterContactOf, toRequestResponse } from '../request.mapper';
import { RequestResponse } from '../request.responses';
import { countRecentSameCategory, lockGridCategory } from '../routing-policy/recent-same-category';
import { RoutingPolicyStore } from '../routing-policy/routing-policy.store';
import { PendingEvent, RequestTimeline } from '../timeline/request-timeline';
import { FileRequestCommand } from './file-request.command';
import { FileRequestDto } from './file-request.dto';

interface StoredAnswer {
  fingerprint: string;
  response: RequestResponse | null;
}

@CommandHandler(FileRequestCommand)
export class FileRequestHandler implements ICommandHandler<FileRequestCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
    private readonly deadlineClock: DeadlineClock,
    private readonly policies: RoutingPolicyStore,
  ) {}

  async execute(command: FileRequestCommand): Promise<RequestResponse> {
    const { actor, input, idempotencyKey } = command;
    if (input.gridCode === undefined && input.location === undefined) {
      throw DomainError.invalid('CASEWORK.NO_GRID', 'gridCode or location is required: give the grid, or where the matter is');
    }
    if (input.gridCode !== undefined && !actor.gridCodes.includes(input.gridCode)) {
      throw DomainError.forbidden('CASEWORK.GRID_SCOPE', `gridCode: you do not work in grid ${input.gridCode}`);
    }
    const fingerprint = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await this.unitOfWork.run(async (manager) => {
          if (idempotencyKey) {
            // Blocks while a concurrent filing with the same key is in flight, then sees its row.
            const claimed: unknown[] = await manager.query(
              `INSERT INTO idempotency_keys (user_id, key, fingerprint) VALUES ($1, $2, $3)
               ON CONFLICT DO NOTHING RETURNING key`,
              [actor.userId, idempotencyKey, fingerprint],
            );
            if (claimed.length === 0) return this.replay(manager, actor.userId, idempotencyKey, fingerprint);
          }
          const response = await this.file(manager, command);
          if (idempotencyKey) {
            await manager.query('UPDATE idempotency_keys SET status_code = 201, response = $3 WHERE user_id = $1 AND key = $2', [
              actor.userId,
              idempotencyKey,
              JSON.stringify(response),
            ]);
          }
          return response;
        });
      } catch (error) {
        // Two random tracking numbers colliding is rare but possible: draw again.
        if (!isUniqueViolation(error, 'requests_tracking_no_key')) throw error;
      }
    }
    throw new Error('could not draw a free tracking number');
  }

  private async replay(manager: EntityManager, userId: string, key: string, fingerprint: string): Promise<RequestResponse> {
    const [stored] = (await manager.query(
      'SELECT fingerprint, response FROM idempotency_keys WHERE user_id = $1 AND key = $2',
      [userId, key],
    )) as StoredAnswer[];
    if (stored.fingerprint !== fingerprint) {
      throw DomainError.conflict('CASEWORK.IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key was already used for a different request body');
    }
    if (!stored.response) throw DomainError.conflict('CASEWORK.IDEMPOTENCY_IN_FLIGHT', 'Idempotency-Key: the first filing is still in progress');
    return stored.response;
  }

  private async file(manager: EntityManager, { actor, input }: FileRequestCommand): Promise<RequestResponse> {
    const grid = await this.findGrid(manager, actor, input);
    const category = await manager.getRepository(CategoryEntity).findOne({ where: { code: input.categoryCode } });
    if (!category) throw DomainError.invalid('CASEWORK.UNKNOWN_CATEGORY', `categoryCode: no category has code ${input.categoryCode}`);

    // The version latest when this filing runs decides it; later versions never rewrite the decision.
    const policy = await this.policies.latest(manager);
    await lockGridCategory(manager, grid.id, category.code);
    const count = await countRecentSameCategory(manager, grid.id, category.code, policy);
    const location = input.location ? { ...input.location } : null;
    const likelyDuplicates = await findLikelyDuplicates(manager, actor, { gridId: grid.id, categoryCode: category.code, location }, policy);
    const now = new Date();
    const urgency = input.urgency ?? 'normal';
    const decision = decideRoute(
      {
        categoryCode: category.code,
        gridCode: grid.code,
        streetCode: grid.streetCode,
        departmentCount: 1 + category.assistingDepartmentCodes.length,
        safetyRisk: input.safetyRisk ?? false,
        affectedPeople: input.affectedPeople ?? 0,
        urgency,
        recentSameCategory: count + 1,
      },
      policy,
    );
    const deadlines = await this.deadlineClock.caseDeadlines(manager, category.code, now, decision.route, urgency);

    const request: RequestEntity = manager.getRepository(RequestEntity).create({
      id: randomUUID(),
      trackingNo: newTrackingNumber(now),
      gridId: grid.id,
      gridCode: grid.code,
      categoryCode: category.code,
      title: input.title,
      description: input.description,
      location,
      reporter: input.reporter ? { ...input.reporter } : null,
      safetyRisk: input.safetyRisk ?? false,
      affectedPeople: input.affectedPeople ?? 0,
      urgency,
      route: decision.route,
      status: 'open',
      decision,
      dueAt: deadlines.resolveBy,
      filedBy: actor.userId,
      resolutionNote: null,
      resolvedAt: null,
      reopenCount: 0,
      closedAt: null,
      duplicateOf: null,
      duplicateCount: 0,
      lastSequence: 0,
      createdAt: now,
      updatedAt: now,
    });
    await manager.getRepository(RequestEntity).insert(request);

    const assignments: AssignmentEntity[] =
      decision.route === 'joint'
        ? caseDepartments(category.leadDepartmentCode, category.assistingDepartmentCodes, decision.addDepartments ?? []).map(({ code, role }) =>
            newAssignment(request.id, code, role, { claimBy: deadlines.claimBy ?? deadlines.resolveBy, dueAt: deadlines.resolveBy }, now),
          )
        : [];
    if (assignments.length > 0) await manager.getRepository(AssignmentEntity).insert(assignments);

    const events: PendingEvent[] = [
      {
        type: EVENT_TYPES.requestFiled,
        actor: actor.username,
        payload: {
          trackingNo: request.trackingNo,
          gridCode: request.gridCode,
          categoryCode: request.categoryCode,
          title: request.title,
          description: request.description,
          location: request.location,
          safetyRisk: request.safetyRisk,
          affectedPeople: request.affectedPeople,
          urgency: request.urgency,
        },
      },
      {
        type: EVENT_TYPES.requestRouted,
        payload: { route: decision.route, decision, dueAt: toOffsetIso(deadlines.resolveBy) },
      },
      ...assignments.map((a) => assignmentCreated(request, a)),
    ];
    await this.timeline.append(manager, request, events, now);
    request.lastSequence = events.length;
    // The filer typed the reporter's contact: the answer gives it back to them, as an idempotent retry does.
    return { ...toRequestResponse(request, assignments), reporter: reporterContactOf(request), likelyDuplicates };
  }

  /** The grid named, or the one whose boundary holds the location; the filer must work in it. */
  private async findGrid(manager: EntityManager, actor: Actor, input: FileRequestDto): Promise<GridEntity> {
    if (input.gridCode !== undefined) {
      const named = await manager.getRepository(GridEntity).findOne({ where: { code: input.gridCode } });
      if (!named) throw DomainError.invalid('CASEWORK.UNKNOWN_GRID', `gridCode: no grid has code ${input.gridCode}`);
      return named;
    }
    // execute() refused a filing with neither.
    const location = input.location as NonNullable<FileRequestDto['location']>;
    const bounded = await manager
      .getRepository(GridEntity)
      .createQueryBuilder('grid')
      .where('grid.boundary IS NOT NULL')
      .orderBy('grid.code', 'ASC')
      .getMany();
    const found = gridContaining(bounded, location);
    if (!found) {
      throw DomainError.invalid('CASEWORK.OUTSIDE_EVERY_GRID', `location: ${location.lat}, ${location.lng} lies outside every grid's boundary`);
    }
    if (!actor.gridCodes.includes(found.code)) {
      throw DomainError.forbidden('CASEWORK.GRID_SCOPE', `location: it lies in grid ${found.code}, where you do not work`);
    }
    return found;
  }
}
