/** Why a GeoJSON Polygon's rings are unusable, or null when they are fine. */
export function polygonProblem(coordinates: unknown): string | null {
  if (!Array.isArray(coordinates) || coordinates.length === 0) return 'must hold at least one ring';
  for (const [r, ring] of coordinates.entries()) {
    if (!Array.isArray(ring) || ring.length < 4 || ring.length > 10_000) return `ring ${r} must have 4 to 10000 positions`;
    for (const position of ring) {
      if (!Array.isArray(position) || position.length < 2 || !position.every((n) => typeof n === 'number' && Number.isFinite(n))) {
        return `ring ${r} holds a position that is not [lng, lat]`;
      }
      const [lng, lat] = position as number[];
      if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return `ring ${r} holds a position outside [-180..180, -90..90]`;
    }
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) return `ring ${r} must end where it starts`;
  }
  return null;
}
