import gcoord from 'gcoord';
import type { LatLng } from './lat-lng';

// The filing form needs only these; gcoord (the datum conversion) comes with the map.
export { type LatLng, rounded } from './lat-lng';

/**
 * The api keeps WGS-84. Tiles of Chinese map services (高德, 腾讯) are drawn in GCJ-02, so a place
 * tapped on them is converted back, and WGS-84 shapes are converted to be drawn on them (gcoord).
 */
export function toWgs84(point: LatLng, system: 'wgs84' | 'gcj02'): LatLng {
  if (system === 'wgs84') return point;
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return { lat, lng };
}

export function fromWgs84(point: LatLng, system: 'wgs84' | 'gcj02'): LatLng {
  if (system === 'wgs84') return point;
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return { lat, lng };
}
