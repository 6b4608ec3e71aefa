/** A place in WGS-84, what the api keeps. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** Six decimals: about 10 cm, more than a phone's GPS gives. */
export function rounded(point: LatLng): LatLng {
  return { lat: Math.round(point.lat * 1e6) / 1e6, lng: Math.round(point.lng * 1e6) / 1e6 };
}
