import sharp from 'sharp';
import request from 'supertest';
import { officeCalendar } from '../factories/calendar.factory';
import { County, createCounty } from '../factories/county.factory';
import { createSmallCategory, fileRequest } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { Workflow } from '../factories/workflow.factory';
import { bearer } from '../support/test-api';

type Http = ReturnType<typeof request>;

/**
 * Live ids the endpoints' valid requests point at, one fixture per endpoint that changes state, so
 * each valid request succeeds in a fresh world; renewed now and then, as cases use them up.
 */
export interface Fixtures {
  /** Open grid tasks: one to resolve, one to escalate, one to link as a duplicate of another. */
  gridTask: string;
  taskToEscalate: string;
  duplicate: string;
  original: string;
  /** A grid task resolved by the set-up, for feedback. */
  resolvedGridTask: string;
  /** A grid worker of the county that only the user-keeping endpoints act on. */
  userId: string;
  /** A joint case whose lead assignment is unclaimed and whose assisting one can be returned; a whistle summons its lead. */
  joint: { requestId: string; lead: string; assist: string; trackingNo: string };
  whistleId: string;
  /** A joint case: the lead claimed by leadStaff[0] with an extension pending, the assisting part claimed by assistStaff. */
  extended: { requestId: string; lead: string; assist: string };
  /** A joint case: the assisting assignment returned (退单), the lead claimed by leadStaff[0] with no extension asked. */
  returned: { requestId: string; lead: string; assist: string };
  /** A photo attached to the joint case. */
  mediaId: string;
  /** The grid's notice of the return (退单) above. */
  noticeId: string;
}

/** A routing policy as PUT /routing-policy takes it. */
interface PolicyBody {
  rules: unknown[];
  windowHours: number;
  duplicateRadiusMeters: number;
  clusterThreshold: number;
}

/**
 * The county the fuzz cases run in, its users signed in, and fixtures in each state an endpoint
 * acts on. `renew()` puts the admin's settings back (policy, calendar), so a valid but odd
 * setting that a case saved shapes the cases after it for a while, then not for ever.
 */
export class FuzzWorld {
  fixtures!: Fixtures;
  private counter = 0;

  private constructor(
    /** A small PNG, the file of a valid upload. */
    readonly photo: Buffer,
    readonly http: Http,
    readonly county: County,
    private readonly flow: Workflow,
    private readonly policy: PolicyBody,
  ) {}

  static async create(http: Http, adminToken: string): Promise<FuzzWorld> {
    const county = await createCounty(http, adminToken);
    const policy = await http.get('/api/v1/routing-policy').set(bearer(adminToken));
    if (policy.status !== 200) throw new Error(`GET routing-policy: ${policy.status}`);
    const { rules, windowHours, duplicateRadiusMeters, clusterThreshold } = policy.body;
    const photo = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#3a7' } }).png().toBuffer();
    const world = new FuzzWorld(photo, http, county, new Workflow(http, county), { rules, windowHours, duplicateRadiusMeters, clusterThreshold });
    await world.renew();
    return world;
  }

  /** The routing policy the county started with, as a PUT body. */
  startingPolicy(): PolicyBody {
    return structuredClone(this.policy);
  }

  /** A code no case has used yet, so a valid create answers 201 rather than 409. */
  unique(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.county.suffix}-fz${this.counter}`;
  }

  /** Puts back the policy and calendar the county started with, and files fresh fixtures. */
  async renew(): Promise<void> {
    await this.put('routing-policy', this.policy);
    await this.put('calendar', officeCalendar());
    const { county, flow } = this;
    // Categories of their own keep the grid tasks on the grid route (three open ones of a category turn joint).
    const tasks = await createSmallCategory(this.http, county.tokens.admin, county);
    const duplicates = await createSmallCategory(this.http, county.tokens.admin, county);
    const file = async (categoryCode: string): Promise<string> => (await fileRequest(this.http, county.tokens.worker, requestBody(county, { categoryCode }))).id;
    const resolvedGridTask = await file(tasks);
    await flow.step(`requests/${resolvedGridTask}/resolve`, county.tokens.worker, { note: 'Bulb replaced' });
    const gridTask = await file(tasks);
    const taskToEscalate = await file(tasks);
    const original = await file(duplicates);
    const duplicate = await file(duplicates);

    const joint = await flow.fileJoint();
    const whistle = await flow.step(`requests/${joint.filed.id}/whistle`, county.tokens.worker, { departments: [county.departments.lead] }, 201);
    const extended = await flow.fileJoint();
    await flow.claim(extended.lead, county.tokens.leadStaff[0]);
    await flow.claim(extended.assist, county.tokens.assistStaff);
    await flow.step(`assignments/${extended.lead}/extend`, county.tokens.leadStaff[0], { reason: 'Supplier to be traced', extraWorkingHours: 4 }, 201);
    const returned = await flow.fileJoint();
    await flow.claim(returned.lead, county.tokens.leadStaff[0]);
    await flow.step(`assignments/${returned.assist}/return`, county.tokens.assistStaff, { reason: 'Not ours' });
    const media = await this.http
      .post(`/api/v1/requests/${joint.filed.id}/media`)
      .set(bearer(county.tokens.worker))
      .field('stage', 'report')
      .attach('file', this.photo, 'photo.png');
    if (media.status !== 201) throw new Error(`POST media while renewing the fuzz world: ${media.status} ${JSON.stringify(media.body)}`);
    const notices = await this.http.get('/api/v1/notices').set(bearer(county.tokens.worker));
    const returnNotice = (notices.body.items as Array<{ id: string; requestId: string; kind: string }> | undefined)?.find(
      (n) => n.requestId === returned.filed.id && n.kind === 'assignment_returned',
    );
    if (!returnNotice) throw new Error(`GET notices while renewing the fuzz world: no notice of the return (${notices.status})`);
    const user = await this.http
      .post('/api/v1/users')
      .set(bearer(county.tokens.admin))
      .send({ username: this.unique('kept'), password: 'Lantern-Orbit-7734', role: 'grid_worker', gridCodes: [county.grids.home] });
    if (user.status !== 201) throw new Error(`POST users while renewing the fuzz world: ${user.status} ${JSON.stringify(user.body)}`);
    this.fixtures = {
      userId: user.body.id,
      gridTask,
      taskToEscalate,
      duplicate,
      original,
      resolvedGridTask,
      joint: { requestId: joint.filed.id, lead: joint.lead, assist: joint.assist, trackingNo: joint.filed.trackingNo },
      whistleId: whistle.id,
      extended: { requestId: extended.filed.id, lead: extended.lead, assist: extended.assist },
      returned: { requestId: returned.filed.id, lead: returned.lead, assist: returned.assist },
      mediaId: media.body.id,
      noticeId: returnNotice.id,
    };
  }

  private async put(path: string, body: object): Promise<void> {
    const response = await this.http.put(`/api/v1/${path}`).set(bearer(this.county.tokens.admin)).send(body);
    if (response.status !== 200) throw new Error(`PUT ${path} while renewing the fuzz world: ${response.status} ${JSON.stringify(response.body)}`);
  }
}
