import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { County, createCounty } from '../factories/county.factory';
import { createSmallCategory, createUser, expectError, fileRequest } from '../factories/http-helpers';
import { heic, jpegWithGps, png, webp } from '../factories/photo.factory';
import { requestBody } from '../factories/request.factory';
import { Workflow } from '../factories/workflow.factory';
import { TestDatabase } from '../support/database';
import { TEST_MEDIA_DIR } from '../support/environment';
import { bearer, startTestApi, TestApi } from '../support/test-api';

/** Every file under the media directory, however deep: what storage holds. */
function storedFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
  try {
    return walk(TEST_MEDIA_DIR);
  } catch {
    return [];
  }
}

describe('photos (上报, 处置, 吹哨) over HTTP', () => {
  let api: TestApi;
  let county: County;
  let flow: Workflow;
  let db: TestDatabase;
  let taskId: string;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
    flow = new Workflow(api.http, county);
    db = new TestDatabase();
    const category = await createSmallCategory(api.http, api.adminToken, county);
    taskId = (await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: category }))).id;
  });
  afterAll(async () => {
    await db.close();
    await api.close();
  });

  const upload = (requestId: string, token: string, file: Buffer, options: { stage?: string; key?: string; filename?: string; contentType?: string } = {}) => {
    const call = api.http.post(`/api/v1/requests/${requestId}/media`).set(bearer(token));
    if (options.key) call.set('Idempotency-Key', options.key);
    return call.field('stage', options.stage ?? 'report').attach('file', file, { filename: options.filename ?? 'photo.jpg', contentType: options.contentType ?? 'image/jpeg' });
  };
  const mediaRows = (requestId: string) => db.query<{ id: string; stage: string }>('SELECT id, stage FROM media WHERE request_id = $1 ORDER BY created_at', [requestId]);

  describe('a phone’s JPEG with its GPS position', () => {
    let answer: Record<string, any>;

    beforeAll(async () => {
      const response = await upload(taskId, county.tokens.worker, await jpegWithGps(), { key: 'photo-1' });
      expect(response.status).toBe(201);
      answer = response.body;
    });

    it('answers what was stored and where to fetch it', () => {
      expect(answer).toEqual({
        id: expect.any(String),
        stage: 'report',
        contentType: 'image/jpeg',
        width: 800,
        height: 600,
        bytes: expect.any(Number),
        uploadedBy: county.users.worker,
        createdAt: expect.any(String),
        url: `/api/v1/media/${answer.id}`,
        thumbnailUrl: `/api/v1/media/${answer.id}/thumbnail`,
      });
    });

    it('serves the photo without its EXIF (no position, no camera), privately cacheable', async () => {
      const response = await api.http.get(answer.url).set(bearer(county.tokens.worker)).buffer(true);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('image/jpeg');
      expect(response.headers['cache-control']).toBe('private, max-age=86400');
      const served = response.body as Buffer;
      expect(served.length).toBe(answer.bytes);
      const metadata = await sharp(served).metadata();
      expect({ format: metadata.format, width: metadata.width, exif: metadata.exif, icc: metadata.icc }).toEqual({ format: 'jpeg', width: 800, exif: undefined, icc: undefined });
      expect(served.includes(Buffer.from('TestPhone'))).toBe(false);
    });

    it('serves a JPEG thumbnail at most 320 px wide', async () => {
      const response = await api.http.get(answer.thumbnailUrl).set(bearer(county.tokens.leader)).buffer(true);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('image/jpeg');
      const metadata = await sharp(response.body as Buffer).metadata();
      expect([metadata.width, metadata.height]).toEqual([320, 240]);
    });

    it('takes the token as ?access_token=, for an <img> tag', async () => {
      const response = await api.http.get(`${answer.url}?access_token=${county.tokens.worker}`);
      expect(response.status).toBe(200);
    });

    it('attaches a retried upload (the same Idempotency-Key) once, answering the first answer', async () => {
      const again = await upload(taskId, county.tokens.worker, await jpegWithGps(), { key: 'photo-1' });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(answer);
      expect((await mediaRows(taskId)).map((m) => m.id)).toEqual([answer.id]);
      const events = await db.query(`SELECT count(*)::int AS n FROM request_events WHERE request_id = $1 AND type = 'media.attached'`, [taskId]);
      expect(events[0].n).toBe(1);
    });

    it('refuses the same Idempotency-Key for another photo', async () => {
      const other = await upload(taskId, county.tokens.worker, await png(), { key: 'photo-1' });
      expectError(other, 409, 'Idempotency-Key');
      expect(other.body.code).toBe('MEDIA.IDEMPOTENCY_KEY_REUSED');
    });

    it('puts media.attached on the timeline and the topic with the id and stage, never the bytes', async () => {
      const detail = await flow.request(taskId, county.tokens.worker);
      const attached = detail.timeline.find((e: { type: string }) => e.type === 'media.attached');
      expect(attached).toMatchObject({ actor: county.users.worker, data: { mediaId: answer.id, stage: 'report', contentType: 'image/jpeg' } });
      const [outbox] = await db.query<{ payload: string }>(
        `SELECT o.payload FROM outbox o JOIN request_events e ON e.event_id = o.event_id WHERE e.request_id = $1 AND e.type = 'media.attached'`,
        [taskId],
      );
      expect(outbox.payload.length).toBeLessThan(1000);
      expect(detail.media).toEqual([answer]);
    });

    it('shows no photo on the public tracking page', async () => {
      const tracked = await api.http.get(`/api/v1/track/${(await flow.request(taskId)).trackingNo}`);
      expect(tracked.status).toBe(200);
      expect(JSON.stringify(tracked.body)).not.toContain(answer.id);
      expect(JSON.stringify(tracked.body)).not.toContain('media');
    });

    it('keeps the photo from those who may not open the request', async () => {
      expectError(await api.http.get(answer.url).set(bearer(county.tokens.otherWorker)), 403);
      expectError(await api.http.get(answer.thumbnailUrl).set(bearer(county.tokens.singleStaff)), 403);
      expectError(await api.http.get(answer.url), 401);
      expect((await api.http.get(answer.url).set(bearer(api.adminToken))).status).toBe(200);
    });
  });

  it('turns an iPhone’s HEIC into a JPEG, and takes PNG and WebP as they are', async () => {
    const fromHeic = await upload(taskId, county.tokens.worker, heic(), { filename: 'IMG_0001.HEIC', contentType: 'image/heic' });
    expect(fromHeic.status).toBe(201);
    expect(fromHeic.body).toMatchObject({ contentType: 'image/jpeg', width: 640, height: 480 });
    const served = await api.http.get(fromHeic.body.url).set(bearer(county.tokens.worker)).buffer(true);
    expect((await sharp(served.body as Buffer).metadata()).format).toBe('jpeg');
    // Names and claimed types count for nothing: a PNG called .jpg is a PNG.
    const fromPng = await upload(taskId, county.tokens.worker, await png(), { filename: 'photo.jpg', contentType: 'image/jpeg' });
    expect(fromPng.body).toMatchObject({ contentType: 'image/png', width: 64, height: 48 });
    const fromWebp = await upload(taskId, county.tokens.worker, await webp(), { filename: 'photo.bin', contentType: 'application/octet-stream' });
    expect(fromWebp.body).toMatchObject({ contentType: 'image/webp' });
  });

  describe('refusals, each in the error shape with nothing attached or stored', () => {
    let rowsBefore: number;
    let filesBefore: number;

    beforeEach(async () => {
      rowsBefore = (await mediaRows(taskId)).length;
      filesBefore = storedFiles().length;
    });
    afterEach(async () => {
      expect((await mediaRows(taskId)).length).toBe(rowsBefore);
      expect(storedFiles().length).toBe(filesBefore);
    });

    it('a text file named photo.jpg: 415', async () => {
      const response = await upload(taskId, county.tokens.worker, Buffer.from('not a photo at all, only text'));
      expectError(response, 415, 'file');
      expect(response.body.code).toBe('MEDIA.UNSUPPORTED_TYPE');
    });

    it('a JPEG cut short: 400', async () => {
      const whole = await jpegWithGps();
      const response = await upload(taskId, county.tokens.worker, whole.subarray(0, 300));
      expectError(response, 400, 'file');
      expect(response.body.code).toBe('MEDIA.UNREADABLE');
    });

    it('a file over 10 MB: 413', async () => {
      const response = await upload(taskId, county.tokens.worker, Buffer.concat([await png(), Buffer.alloc(10 * 1024 * 1024)]));
      expectError(response, 413, 'file', '10 MB');
      expect(response.body.code).toBe('MEDIA.TOO_LARGE');
    });

    it('a JSON body: 415', async () => {
      const response = await api.http.post(`/api/v1/requests/${taskId}/media`).set(bearer(county.tokens.worker)).send({ stage: 'report', file: 'aGVsbG8=' });
      expectError(response, 415, 'multipart/form-data');
      expect(response.body.code).toBe('MEDIA.NOT_MULTIPART');
    });

    it('a form without a file, or with an unknown stage, or two files: 400 naming the field', async () => {
      const noFile = await api.http.post(`/api/v1/requests/${taskId}/media`).set(bearer(county.tokens.worker)).field('stage', 'report');
      expectError(noFile, 400, 'file');
      expect(noFile.body.code).toBe('MEDIA.NO_FILE');
      expectError(await upload(taskId, county.tokens.worker, await png(), { stage: 'after' }), 400, 'stage');
      const two = api.http
        .post(`/api/v1/requests/${taskId}/media`)
        .set(bearer(county.tokens.worker))
        .field('stage', 'report')
        .attach('file', await png(), 'a.png')
        .attach('file', await png(), 'b.png');
      expectError(await two, 400, 'file');
    });

    it('someone who may not attach to this request: 403', async () => {
      expectError(await upload(taskId, county.tokens.otherWorker, await png()), 403);
      expectError(await upload(taskId, county.tokens.singleStaff, await png(), { stage: 'handling' }), 403);
      expectError(await upload(taskId, api.adminToken, await png()), 403);
    });

    it('an unknown request: 404', async () => {
      expectError(await upload('00000000-0000-4000-8000-000000000000', county.tokens.worker, await png()), 404);
    });
  });

  it('holds at most 9 photos of a stage on a request', async () => {
    const category = await createSmallCategory(api.http, api.adminToken, county);
    const { id } = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: category }));
    const small = await png(8, 8);
    for (let i = 0; i < 9; i++) expect((await upload(id, county.tokens.worker, small, { stage: 'whistle' })).status).toBe(201);
    const tenth = await upload(id, county.tokens.worker, small, { stage: 'whistle' });
    expectError(tenth, 400, 'stage', '9');
    expect(tenth.body.code).toBe('MEDIA.TOO_MANY');
    expect((await upload(id, county.tokens.worker, small, { stage: 'handling' })).status).toBe(201);
  });

  it('never attaches an upload whose connection broke half-way', async () => {
    const category = await createSmallCategory(api.http, api.adminToken, county);
    const { id } = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: category }));
    const photo = await jpegWithGps(1600, 1200);
    const boundary = 'halfway-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="stage"\r\n\r\nreport\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    );
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/requests/${id}/media`,
        headers: {
          ...bearer(county.tokens.worker),
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(head.length + photo.length + boundary.length + 8),
        },
      });
      req.on('error', () => resolve());
      req.write(Buffer.concat([head, photo.subarray(0, photo.length / 2)]), () => setTimeout(() => req.destroy(), 200));
      req.on('close', () => resolve());
    });
    // The phone sends it again, whole: exactly that one is attached.
    const whole = await upload(id, county.tokens.worker, photo);
    expect(whole.status).toBe(201);
    expect((await mediaRows(id)).map((m) => m.id)).toEqual([whole.body.id]);
    expect((await flow.request(id, county.tokens.worker)).media.map((m: { id: string }) => m.id)).toEqual([whole.body.id]);
  });

  describe('handling photos named by a resolution', () => {
    it('lets a grid worker resolve with the 处置后 photos attached, and refuses photos of another stage', async () => {
      const category = await createSmallCategory(api.http, api.adminToken, county);
      const { id } = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: category }));
      const before = await upload(id, county.tokens.worker, await png(), { stage: 'report' });
      const after = await upload(id, county.tokens.worker, await png(), { stage: 'handling' });
      const wrong = await flow.post(`requests/${id}/resolve`, county.tokens.worker, { note: 'Bulb replaced', mediaIds: [before.body.id] });
      expectError(wrong, 400, 'mediaIds', before.body.id);
      expect(wrong.body.code).toBe('MEDIA.NOT_ATTACHED');
      await flow.step(`requests/${id}/resolve`, county.tokens.worker, { note: 'Bulb replaced', mediaIds: [after.body.id] });
      const resolved = (await flow.request(id)).timeline.find((e: { type: string }) => e.type === 'request.resolved');
      expect(resolved.data).toMatchObject({ note: 'Bulb replaced', mediaIds: [after.body.id] });
    });

    it('lets staff of the assigned department attach handling photos and name them in 回单', async () => {
      const joint = await flow.fileJoint();
      await flow.claim(joint.assist, county.tokens.assistStaff);
      const photo = await upload(joint.filed.id, county.tokens.assistStaff, await png(), { stage: 'handling' });
      expect(photo.status).toBe(201);
      const resolved = await flow.step(`assignments/${joint.assist}/resolve`, county.tokens.assistStaff, { note: 'Cleaned', mediaIds: [photo.body.id] });
      expect(resolved.status).toBe('resolved');
      expectError(await flow.post(`assignments/${joint.lead}/resolve`, county.tokens.leadStaff[0], { note: 'x', mediaIds: ['not-a-uuid'] }), 400, 'mediaIds');
    });

    it('lets staff summoned by a whistle attach on-site photos, and not report ones', async () => {
      const joint = await flow.fileJoint();
      const summonedToken = await createUser(api.http, api.adminToken, { username: `summoned-${county.suffix}`, role: 'dept_staff', departmentCode: county.departments.single });
      await flow.step(`requests/${joint.filed.id}/whistle`, county.tokens.worker, { departments: [county.departments.single] }, 201);
      expect((await upload(joint.filed.id, summonedToken, await png(), { stage: 'whistle' })).status).toBe(201);
      expectError(await upload(joint.filed.id, summonedToken, await png(), { stage: 'report' }), 403);
    });
  });
});
