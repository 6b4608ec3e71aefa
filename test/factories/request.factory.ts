import { County } from './county.factory';

/** A filing body for the county's home grid; `major` makes it a joint case (two departments, safety risk). */
export function requestBody(county: County, options: { major?: boolean } & Record<string, unknown> = {}): Record<string, unknown> {
  const { major, ...overrides } = options;
  return {
    gridCode: county.grids.home,
    categoryCode: major ? county.categories.joint : county.categories.small,
    title: major ? 'Spoiled food sold at the night market' : 'Street light out at gate 3',
    description: major ? 'Several stalls sell spoiled meat; two people fell ill.' : 'The light has been out for two nights.',
    location: { lat: 40.14, lng: 117.12, address: 'Binhe Road 12' },
    reporter: { name: 'Wang Fang', phone: '13800001234' },
    ...(major ? { safetyRisk: true, affectedPeople: 12, urgency: 'high' } : {}),
    ...overrides,
  };
}
