import { DomainError, toOffsetIso } from '@app/common';
import { departmentTopic } from '@app/messaging';
import { UnitOfWork, isUniqueViolation } from '@app/persistence';
import { CategoryEntity, GridEntity } from '@app/reference-data';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AssignmentEntity } from '../database/assignment.entity';
import { RequestEntity } from '../database/request.entity';
import { caseDeadlines } from '../domain/deadlines';
import { EVENT_TYPES } from '../domain/event-types';
import { decideRoute, DEFAULT_ROUTING_POLICY } from '../domain/routing-policy';
import { newTrackingNumber } from '../domain/tracking-number';
import { toRequestResponse } from '../request.mapper';
import { RequestResponse } from '../request.responses';
import { PendingEvent, RequestTimeline } from '../timeline/request-timeline';
import { FileRequestCommand } from './file-request.command';

interface StoredAnswer {
  fingerprint: string;
  response: RequestResponse | null;
}

@CommandHandler(FileRequestCommand)
export class FileRequestHandler implements ICommandHandler<FileRequestCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
  ) {}

  async execute(command: FileRequestCommand): Promise<RequestResponse> {
    const { actor, input, idempotencyKey } = command;
    if (!actor.gridCodes.includes(input.gridCode)) {
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
    const grid = await manager.getRepository(GridEntity).findOne({ where: { code: input.gridCode } });
    if (!grid) throw DomainError.invalid('CASEWORK.UNKNOWN_GRID', `gridCode: no grid has code ${input.gridCode}`);
    const category = await manager.getRepository(CategoryEntity).findOne({ where: { code: input.categoryCode } });
    if (!category) throw DomainError.invalid('CASEWORK.UNKNOWN_CATEGORY', `categoryCode: no category has code ${input.categoryCode}`);

    const policy = DEFAULT_ROUTING_POLICY;
    // Serialises filings of one category in one grid, so a cluster is counted exactly.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cluster:${grid.id}:${category.code}`]);
    // Counting up to the threshold is enough to decide, and stays cheap however many are open.
    const [{ count }] = await manager.query(
      `SELECT count(*)::int AS count FROM (
         SELECT 1 FROM requests
          WHERE grid_id = $1 AND category_code = $2 AND status IN ('open', 'in_progress')
            AND created_at > now() - make_interval(hours => $3)
          LIMIT $4) AS recent`,
      [grid.id, category.code, policy.clusterWindowHours, policy.clusterThreshold],
    );
    const now = new Date();
    const urgency = input.urgency ?? 'normal';
    const decision = decideRoute(
      {
        categoryCode: category.code,
        departmentCount: 1 + category.assistingDepartmentCodes.length,
        safetyRisk: input.safetyRisk ?? false,
        affectedPeople: input.affectedPeople ?? 0,
        urgency,
        openInGridWindow: count + 1,
      },
      policy,
    );
    const deadlines = caseDeadlines(now, decision.route, urgency);

    const request: RequestEntity = manager.getRepository(RequestEntity).create({
      id: randomUUID(),
      trackingNo: newTrackingNumber(now),
      gridId: grid.id,
      gridCode: grid.code,
      categoryCode: category.code,
      title: input.title,
      description: input.description,
      location: input.location ? { ...input.location } : null,
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
      lastSequence: 0,
      createdAt: now,
      updatedAt: now,
    });
    await manager.getRepository(RequestEntity).insert(request);

    const assignments: AssignmentEntity[] =
      decision.route === 'joint'
        ? [
            { code: category.leadDepartmentCode, role: 'lead' as const },
            ...category.assistingDepartmentCodes.map((code) => ({ code, role: 'assist' as const })),
          ].map(({ code, role }) =>
            manager.getRepository(AssignmentEntity).create({
              id: randomUUID(),
              requestId: request.id,
              departmentCode: code,
              role,
              status: 'unclaimed',
              claimDueAt: deadlines.claimBy ?? deadlines.resolveBy,
              dueAt: deadlines.resolveBy,
              claimedBy: null,
              claimedByName: null,
              claimedAt: null,
              resolvedAt: null,
              resolutionNote: null,
              deliveredAt: null,
              createdAt: now,
            }),
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
      ...assignments.map<PendingEvent>((a) => ({
        type: EVENT_TYPES.assignmentCreated,
        payload: {
          assignmentId: a.id,
          departmentCode: a.departmentCode,
          role: a.role,
          trackingNo: request.trackingNo,
          gridCode: request.gridCode,
          categoryCode: request.categoryCode,
          title: request.title,
          urgency: request.urgency,
          claimDueAt: toOffsetIso(a.claimDueAt),
          dueAt: toOffsetIso(a.dueAt),
        },
        alsoTo: [departmentTopic(a.departmentCode)],
      })),
    ];
    await this.timeline.append(manager, request, events, now);
    request.lastSequence = events.length;
    return toRequestResponse(request, assignments);
  }
}
