import { Actor, toOffsetIso } from '@app/common';
import { EntityManager } from 'typeorm';
import { positional, visibleRequestsCondition } from '../database/request-scope';
import { PolicySettings } from '../domain/routing-policy';
import { LikelyDuplicate } from '../request.responses';

/** Mean earth radius in metres (IUGG), for the haversine distance. */
const EARTH_RADIUS_M = 6_371_008.8;
const MOST_OFFERED = 10;

interface Row {
  id: string;
  tracking_no: string;
  title: string;
  created_at: Date;
  distance: number | null;
}

/**
 * Open requests of the category that may be the same matter as a new one: within the policy's radius
 * when both have a location (across a grid's edge too: a matter does not stop there), or in the same
 * grid within the policy's window. Only requests the filer may read: the answer names them (id,
 * tracking number, title). Nearest first, then newest; a handful, for a person to check.
 */
export async function findLikelyDuplicates(
  manager: EntityManager,
  filer: Actor,
  filing: { gridId: string; categoryCode: string; location: { lat: number; lng: number } | null },
  policy: PolicySettings,
): Promise<LikelyDuplicate[]> {
  const parameters: unknown[] = [
    filing.gridId,
    filing.categoryCode,
    filing.location?.lat ?? null,
    filing.location?.lng ?? null,
    policy.duplicateRadiusMeters,
    policy.windowHours,
  ];
  const visible = visibleRequestsCondition(filer, 'requests', positional(parameters));
  const rows = (await manager.query(
    `SELECT id, tracking_no, title, created_at, distance FROM (
       SELECT id, tracking_no, title, created_at, grid_id,
              CASE WHEN $3::float8 IS NOT NULL AND location IS NOT NULL THEN
                2 * ${EARTH_RADIUS_M} * asin(least(1, sqrt(
                  power(sin(radians((location->>'lat')::float8 - $3::float8) / 2), 2) +
                  cos(radians($3::float8)) * cos(radians((location->>'lat')::float8)) *
                  power(sin(radians((location->>'lng')::float8 - $4::float8) / 2), 2))))
              END AS distance
         FROM requests
        WHERE category_code = $2 AND status IN ('open', 'in_progress') AND ${visible}) AS candidates
      WHERE distance <= $5 OR (grid_id = $1 AND created_at > now() - make_interval(hours => $6))
      ORDER BY distance NULLS LAST, created_at DESC
      LIMIT ${MOST_OFFERED}`,
    parameters,
  )) as Row[];
  return rows.map((row) => ({
    id: row.id,
    trackingNo: row.tracking_no,
    title: row.title,
    ...(row.distance === null ? {} : { distanceMeters: Math.round(row.distance) }),
    createdAt: toOffsetIso(row.created_at),
  }));
}
