import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import type { GeoJsonPolygon } from './grid.entity';

/**
 * The first grid, in the order given, whose boundary holds the point (a point on the boundary
 * counts as inside); null when none does. Grids without a boundary are never found this way.
 */
export function gridContaining<G extends { boundary: GeoJsonPolygon | null }>(
  grids: readonly G[],
  location: { lat: number; lng: number },
): G | null {
  const where = point([location.lng, location.lat]);
  return grids.find((grid) => grid.boundary !== null && booleanPointInPolygon(where, grid.boundary)) ?? null;
}
