import { officeCalendar } from '../factories/calendar.factory';
import { requestBody } from '../factories/request.factory';
import { FuzzWorld } from './world';

/**
 * Every endpoint the fuzz tier drives, each with a valid request in the current world; the cases
 * are mutations of it. A new endpoint is one entry here. Left out: GET /monitoring/stream (a
 * server-sent stream that never ends; its only input is the token) and the service endpoints
 * outside /api/v1 that take no input (/health, /metrics, /docs).
 */
export interface FuzzEndpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Under /api/v1 unless it starts with /dashboard; `:name` marks a path parameter. */
  path: string;
  /** The signed-in user a valid request comes from (null: no token). */
  as: (w: FuzzWorld) => string | null;
  params?: (w: FuzzWorld) => Record<string, string>;
  body?: (w: FuzzWorld) => unknown;
  query?: (w: FuzzWorld) => Record<string, string>;
  headers?: (w: FuzzWorld) => Record<string, string>;
  /**
   * A multipart upload instead of a JSON body: its text fields and its file. Body cases change the
   * fields (as they change a JSON body), put other bytes in the file, or send another kind of body.
   */
  form?: (w: FuzzWorld) => { fields: Record<string, string>; file: { name: string; bytes: Buffer } };
}

const admin = (w: FuzzWorld): string => w.county.tokens.admin;
const worker = (w: FuzzWorld): string => w.county.tokens.worker;
const leadStaff = (w: FuzzWorld): string => w.county.tokens.leadStaff[0];
const period = { from: '2026-11-01', to: '2026-11-30' };
const square = (lng: number, lat: number): number[][][] => [
  [
    [lng, lat],
    [lng + 0.01, lat],
    [lng + 0.01, lat + 0.01],
    [lng, lat + 0.01],
    [lng, lat],
  ],
];

export const FUZZ_ENDPOINTS: FuzzEndpoint[] = [
  // identity
  { method: 'POST', path: '/auth/token', as: () => null, body: (w) => ({ username: w.county.users.leader, password: 'test-password-123' }) },
  {
    method: 'POST',
    path: '/users',
    as: admin,
    body: (w) => ({ username: w.unique('user'), password: 'Lantern-Orbit-7734', role: 'grid_worker', gridCodes: [w.county.grids.home] }),
  },
  { method: 'GET', path: '/users', as: admin },
  {
    method: 'PATCH',
    path: '/users/:id',
    as: admin,
    params: (w) => ({ id: w.fixtures.userId }),
    body: (w) => ({ role: 'grid_worker', gridCodes: [w.county.grids.home, w.county.grids.other], disabled: false }),
  },
  { method: 'POST', path: '/users/:id/password', as: admin, params: (w) => ({ id: w.fixtures.userId }), body: () => ({ password: 'Harbor-Quill-5281' }) },
  { method: 'GET', path: '/audit', as: admin, query: () => ({ action: 'user.updated', targetType: 'user', page: '1', pageSize: '20' }) },

  // reference data
  {
    method: 'POST',
    path: '/grids',
    as: admin,
    body: (w) => ({ code: w.unique('G'), name: 'Fuzz grid', streetCode: `S-${w.county.suffix}`, boundary: { type: 'Polygon', coordinates: square(117.2, 40.2) } }),
  },
  { method: 'GET', path: '/grids', as: admin },
  { method: 'POST', path: '/departments', as: admin, body: (w) => ({ code: w.unique('dept'), name: 'Fuzz department' }) },
  { method: 'GET', path: '/departments', as: admin },
  {
    method: 'POST',
    path: '/categories',
    as: admin,
    body: (w) => ({ code: w.unique('cat'), name: 'Fuzz category', leadDepartment: w.county.departments.lead, assistingDepartments: [w.county.departments.assist] }),
  },
  { method: 'GET', path: '/categories', as: admin },

  // routing policy, calendar, deadlines
  {
    method: 'PUT',
    path: '/routing-policy',
    as: admin,
    body: (w) => ({
      ...w.startingPolicy(),
      rules: [
        ...w.startingPolicy().rules,
        { id: 'fuzz-lights', description: 'Lights at night', when: { categoryCodes: [w.county.categories.small], urgencyIn: ['high'] }, outcome: { route: 'joint', addDepartments: [w.county.departments.assist] } },
      ],
    }),
  },
  { method: 'GET', path: '/routing-policy', as: admin },
  { method: 'PUT', path: '/calendar', as: admin, body: () => ({ ...officeCalendar(), holidays: ['2026-10-01'], makeUpWorkdays: ['2026-09-27'] }) },
  { method: 'GET', path: '/calendar', as: admin },
  {
    method: 'PUT',
    path: '/categories/:code/deadlines',
    as: admin,
    params: (w) => ({ code: w.county.categories.small }),
    body: () => ({ claimWorkingHours: 2, gridResolveWorkingDays: 3, jointResolveWorkingDays: 7, emergencyClockHours: 2, leadersAfterWorkingHours: 2 }),
  },
  { method: 'GET', path: '/categories/:code/deadlines', as: admin, params: (w) => ({ code: w.county.categories.joint }) },

  // requests
  {
    method: 'POST',
    path: '/requests',
    as: worker,
    body: (w) => requestBody(w.county, { major: true }),
    headers: (w) => ({ 'Idempotency-Key': w.unique('key') }),
  },
  { method: 'GET', path: '/requests', as: admin, query: (w) => ({ gridCode: w.county.grids.home, status: 'open', route: 'joint', page: '1', pageSize: '20' }) },
  { method: 'GET', path: '/requests', as: worker, query: () => ({ mine: 'true', sort: 'due', status: 'open', page: '1', pageSize: '20' }) },
  { method: 'GET', path: '/requests/:id', as: admin, params: (w) => ({ id: w.fixtures.joint.requestId }) },
  { method: 'POST', path: '/requests/:id/resolve', as: worker, params: (w) => ({ id: w.fixtures.gridTask }), body: () => ({ note: 'Bulb replaced' }) },
  { method: 'POST', path: '/requests/:id/escalate', as: worker, params: (w) => ({ id: w.fixtures.taskToEscalate }), body: () => ({ reason: 'Needs the power company' }) },
  {
    method: 'POST',
    path: '/requests/:id/feedback',
    as: worker,
    params: (w) => ({ id: w.fixtures.resolvedGridTask }),
    body: () => ({ resolved: true, satisfied: false, comment: 'It flickers again' }),
  },
  {
    method: 'POST',
    path: '/requests/:id/link-duplicate',
    as: worker,
    params: (w) => ({ id: w.fixtures.duplicate }),
    body: (w) => ({ originalId: w.fixtures.original }),
  },
  {
    method: 'POST',
    path: '/requests/:id/whistle',
    as: worker,
    params: (w) => ({ id: w.fixtures.joint.requestId }),
    body: (w) => ({ departments: [w.county.departments.lead, w.county.departments.assist], deadlineMinutes: 30, note: 'Come to the market gate' }),
  },
  { method: 'POST', path: '/requests/:id/whistle/:whistleId/arrive', as: leadStaff, params: (w) => ({ id: w.fixtures.joint.requestId, whistleId: w.fixtures.whistleId }) },
  { method: 'GET', path: '/requests/:id/whistles', as: worker, params: (w) => ({ id: w.fixtures.joint.requestId }) },
  {
    method: 'POST',
    path: '/requests/:id/messages',
    as: leadStaff,
    params: (w) => ({ id: w.fixtures.joint.requestId }),
    body: () => ({ body: '请协办单位今天到场' }),
  },

  // photos
  {
    method: 'POST',
    path: '/requests/:id/media',
    as: worker,
    params: (w) => ({ id: w.fixtures.gridTask }),
    headers: (w) => ({ 'Idempotency-Key': w.unique('photo') }),
    form: (w) => ({ fields: { stage: 'report' }, file: { name: 'photo.png', bytes: w.photo } }),
  },
  { method: 'GET', path: '/media/:id', as: worker, params: (w) => ({ id: w.fixtures.mediaId }) },
  { method: 'GET', path: '/media/:id/thumbnail', as: worker, params: (w) => ({ id: w.fixtures.mediaId }) },

  // assignments
  { method: 'GET', path: '/assignments', as: admin, query: (w) => ({ department: w.county.departments.lead, status: 'unclaimed', page: '1', pageSize: '20' }) },
  {
    method: 'GET',
    path: '/assignments',
    as: leadStaff,
    query: () => ({ tab: 'pending', sort: 'claimDue', order: 'desc', role: 'lead', q: '2026', overdue: 'false', page: '1', pageSize: '20' }),
  },
  { method: 'GET', path: '/assignments/decisions', as: admin, query: () => ({ page: '1', pageSize: '20' }) },
  { method: 'POST', path: '/assignments/:id/claim', as: leadStaff, params: (w) => ({ id: w.fixtures.joint.lead }) },
  {
    method: 'POST',
    path: '/assignments/:id/resolve',
    as: (w) => w.county.tokens.assistStaff,
    params: (w) => ({ id: w.fixtures.extended.assist }),
    body: () => ({ note: 'Street cleaned' }),
  },
  { method: 'POST', path: '/assignments/:id/return', as: (w) => w.county.tokens.assistStaff, params: (w) => ({ id: w.fixtures.joint.assist }), body: () => ({ reason: 'Not ours' }) },
  {
    method: 'POST',
    path: '/assignments/:id/extend',
    as: leadStaff,
    params: (w) => ({ id: w.fixtures.returned.lead }),
    body: () => ({ reason: 'The supplier must be traced first', extraWorkingHours: 8 }),
  },
  { method: 'POST', path: '/assignments/:id/extension-decision', as: admin, params: (w) => ({ id: w.fixtures.extended.lead }), body: () => ({ approve: true, note: 'Granted' }) },
  {
    method: 'POST',
    path: '/assignments/:id/return-decision',
    as: admin,
    params: (w) => ({ id: w.fixtures.returned.assist }),
    body: (w) => ({ action: 'reroute', departmentCode: w.county.departments.single }),
  },

  // notices
  { method: 'GET', path: '/notices', as: worker, query: () => ({ unread: 'true', page: '1', pageSize: '20' }) },
  { method: 'POST', path: '/notices/:id/read', as: worker, params: (w) => ({ id: w.fixtures.noticeId }) },

  // monitoring
  { method: 'GET', path: '/monitoring/grids/:gridCode', as: admin, params: (w) => ({ gridCode: w.county.grids.home }), query: () => period },
  { method: 'GET', path: '/monitoring/streets/:streetCode', as: admin, params: (w) => ({ streetCode: `S-${w.county.suffix}` }), query: () => period },
  { method: 'GET', path: '/monitoring/departments/:departmentCode', as: admin, params: (w) => ({ departmentCode: w.county.departments.lead }), query: () => period },
  { method: 'GET', path: '/monitoring/me', as: (w) => w.county.tokens.leader, query: () => period },
  { method: 'GET', path: '/monitoring/overdue', as: admin, query: (w) => ({ gridCode: w.county.grids.home, limit: '50' }) },
  { method: 'GET', path: '/monitoring/export.csv', as: admin, query: (w) => ({ scope: 'grid', code: w.county.grids.home, ...period }) },

  // public
  { method: 'GET', path: '/track/:trackingNo', as: () => null, params: (w) => ({ trackingNo: w.fixtures.joint.trackingNo }) },
  { method: 'GET', path: '/dashboard/assets/:file', as: () => null, params: () => ({ file: 'dashboard.js' }) },
];
