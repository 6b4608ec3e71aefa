import { describe, expect, it } from 'vitest';
import { fromWgs84, rounded, toWgs84 } from './coordinates';

describe('coordinates between the api (WGS-84) and Chinese map tiles (GCJ-02)', () => {
  const tiananmen = { lat: 39.908823, lng: 116.39747 };

  it('leaves WGS-84 tiles alone', () => {
    expect(toWgs84(tiananmen, 'wgs84')).toEqual(tiananmen);
  });

  it('moves a GCJ-02 point a few hundred metres at most and back again', () => {
    const shifted = fromWgs84(tiananmen, 'gcj02');
    expect(Math.abs(shifted.lat - tiananmen.lat)).toBeGreaterThan(0.0005);
    expect(Math.abs(shifted.lat - tiananmen.lat)).toBeLessThan(0.01);
    const back = rounded(toWgs84(shifted, 'gcj02'));
    expect(Math.abs(back.lat - tiananmen.lat)).toBeLessThan(0.00002);
    expect(Math.abs(back.lng - tiananmen.lng)).toBeLessThan(0.00002);
  });
});
