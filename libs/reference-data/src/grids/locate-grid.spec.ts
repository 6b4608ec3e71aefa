import { gridContaining } from './locate-grid';
import type { GeoJsonPolygon } from './grid.entity';

const square = (lng: number, lat: number, size: number): GeoJsonPolygon => ({
  type: 'Polygon',
  coordinates: [[[lng, lat], [lng + size, lat], [lng + size, lat + size], [lng, lat + size], [lng, lat]]],
});

describe('finding the grid of a location', () => {
  const grids = [
    { code: 'no-boundary', boundary: null },
    { code: 'west', boundary: square(117.0, 40.0, 0.1) },
    { code: 'east', boundary: square(117.1, 40.0, 0.1) },
  ];

  it('finds the grid whose boundary holds the point', () => {
    expect(gridContaining(grids, { lat: 40.05, lng: 117.05 })?.code).toBe('west');
    expect(gridContaining(grids, { lat: 40.05, lng: 117.15 })?.code).toBe('east');
  });

  it('finds none for a point outside every boundary', () => {
    expect(gridContaining(grids, { lat: 39.5, lng: 117.05 })).toBeNull();
  });

  it('respects a hole in the boundary', () => {
    const outer = square(117.0, 40.0, 0.1).coordinates[0];
    const hole = square(117.04, 40.04, 0.02).coordinates[0];
    const ring = { code: 'ring', boundary: { type: 'Polygon' as const, coordinates: [outer, hole] } };
    expect(gridContaining([ring], { lat: 40.05, lng: 117.05 })).toBeNull();
    expect(gridContaining([ring], { lat: 40.01, lng: 117.01 })?.code).toBe('ring');
  });
});
