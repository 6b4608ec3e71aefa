import { toOffsetIso, toOffsetIsoOrNull } from '@app/common';
import { EntityManager, In } from 'typeorm';
import { WhistleSummonsEntity } from '../database/whistle-summons.entity';
import { WhistleEntity } from '../database/whistle.entity';
import { attendanceOf } from '../domain/whistle-attendance';
import { WhistleResponse } from './whistle.responses';

export interface WhistleRecord {
  whistle: WhistleEntity;
  summons: WhistleSummonsEntity[];
}

/** A request's whistles, oldest first, each with its summoned departments in code order. */
export async function findWhistles(manager: EntityManager, requestId: string): Promise<WhistleRecord[]> {
  const whistles = await manager.getRepository(WhistleEntity).find({ where: { requestId }, order: { createdAt: 'ASC', id: 'ASC' } });
  if (whistles.length === 0) return [];
  const summons = await manager
    .getRepository(WhistleSummonsEntity)
    .find({ where: { whistleId: In(whistles.map((w) => w.id)) }, order: { departmentCode: 'ASC' } });
  return whistles.map((whistle) => ({ whistle, summons: summons.filter((s) => s.whistleId === whistle.id) }));
}

/** Departments summoned to a request: their staff may see it, to know where to go. */
export function summonedDepartments(records: readonly WhistleRecord[]): string[] {
  return records.flatMap((r) => r.summons.map((s) => s.departmentCode));
}

/** Attendance is worked out at the time of asking, so "absent" needs no job to mark it. */
export function toWhistleResponse({ whistle, summons }: WhistleRecord, now: Date): WhistleResponse {
  return {
    id: whistle.id,
    requestId: whistle.requestId,
    blownBy: whistle.blownBy,
    deadlineAt: toOffsetIso(whistle.deadlineAt),
    note: whistle.note,
    createdAt: toOffsetIso(whistle.createdAt),
    departments: summons.map((s) => ({
      departmentCode: s.departmentCode,
      status: attendanceOf(whistle.deadlineAt, s.arrivedAt, now),
      arrivedAt: toOffsetIsoOrNull(s.arrivedAt),
      arrivedBy: s.arrivedBy,
    })),
  };
}
