import { County, createCounty } from '../factories/county.factory';
import { createUser, expectError, fileRequest } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { bearer, startTestApi, TestApi } from '../support/test-api';

/** A square boundary of `size` degrees with its south-west corner at (lng, lat). */
const square = (lng: number, lat: number, size: number) => ({
  type: 'Polygon',
  coordinates: [[[lng, lat], [lng + size, lat], [lng + size, lat + size], [lng, lat + size], [lng, lat]]],
});

describe('finding the grid from the location over HTTP', () => {
  let api: TestApi;
  let county: County;
  let worker: string;
  const grids = { west: '', east: '' };
  // Away from every other spec's places, so no other grid of the shared test database holds these points.
  const SW = { lng: 88.2, lat: 29.6 };

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
    grids.west = `G-${county.suffix}-w`;
    grids.east = `G-${county.suffix}-e`;
    for (const [code, lng] of [[grids.west, SW.lng], [grids.east, SW.lng + 0.01]] as const) {
      const response = await api.http
        .post('/api/v1/grids')
        .set(bearer(api.adminToken))
        .send({ code, name: `Grid ${code}`, streetCode: `S-${county.suffix}`, boundary: square(lng, SW.lat, 0.01) });
      expect(response.status).toBe(201);
    }
    worker = await createUser(api.http, api.adminToken, { username: `west-${county.suffix}`, role: 'grid_worker', gridCodes: [grids.west] });
  });
  afterAll(() => api.close());

  const withoutGrid = (location: object | undefined) => ({ ...requestBody(county), gridCode: undefined, location });
  const post = (body: object, token = worker) => api.http.post('/api/v1/requests').set(bearer(token)).send(body);

  it('files in the grid whose boundary holds the location', async () => {
    const filed = await fileRequest(api.http, worker, withoutGrid({ lat: SW.lat + 0.005, lng: SW.lng + 0.005, address: 'West lane 3' }));
    expect(filed).toMatchObject({ gridCode: grids.west, route: 'grid', status: 'open' });
    const listed = await api.http.get('/api/v1/requests').query({ gridCode: grids.west }).set(bearer(worker));
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(filed.id);
  });

  it('answers 403 naming the grid when the location lies in a grid the worker does not work in', async () => {
    expectError(await post(withoutGrid({ lat: SW.lat + 0.005, lng: SW.lng + 0.015 })), 403, grids.east);
  });

  it('answers 400 naming location when it lies outside every grid', async () => {
    expectError(await post(withoutGrid({ lat: SW.lat - 0.5, lng: SW.lng - 0.5 })), 400, 'location', 'outside every grid');
  });

  it('answers 400 naming both when neither gridCode nor location is given', async () => {
    expectError(await post(withoutGrid(undefined)), 400, 'gridCode', 'location');
  });

  it('keeps to the grid named when both are given', async () => {
    const filed = await fileRequest(api.http, county.tokens.worker, requestBody(county, { location: { lat: SW.lat + 0.005, lng: SW.lng + 0.005 } }));
    expect(filed.gridCode).toBe(county.grids.home);
  });
});
