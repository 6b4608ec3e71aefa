#!/usr/bin/env node
// `npm run chaos [-- --duration S ...]`: faults under load, then proof that nothing was lost.
//
//   1. starts the local Kafka broker (scripts/kafka.sh up on KAFKA_PORT, default 9092) and a
//      PostgreSQL cluster of its own (the embedded engine, data in .chaos/postgres, a free port),
//      so restarting it disturbs nothing else on the machine,
//   2. builds dist/ when it is missing or older than the sources,
//   3. starts two api replicas and two department-handler instances as child processes,
//   4. sets up a county over HTTP and runs steady load: grid workers file (50 % major) with an
//      Idempotency-Key, retrying with the same key until they get an answer; department staff
//      claim and resolve; grid workers resolve their grid tasks,
//   5. during the load: kill -9 a handler (restarted), kill -9 an api replica (restarted), stop
//      the broker for 10 s, restart PostgreSQL,
//   6. lets everything drain, stops the services, and asserts: every filing answered 201 exists
//      exactly once; every request's timeline is gapless; every outbox row is published; every
//      assignment was delivered to its department once in effect; the monitoring read models
//      equal a fresh rebuild from the event store; every service is ready again. Prints the counts
//      (also in <CHAOS_DIR>/result.json); exits 1 if a check fails.
//
// Options (environment variable in brackets):
//   --duration S     seconds of load, the faults spread over it; default 120, at least 40 [CHAOS_DURATION]
//   --filers N       concurrent filing clients, default 4 [CHAOS_FILERS]
//   --pause MS       each filing client's pause between filings, default 20 [CHAOS_PAUSE_MS]
//   --settle S       how long the draining pipeline may stand still before the run gives up, default 120 [CHAOS_SETTLE]
//   --base-port P    first of five ports (api 1, api 2, handler 1, handler 2, PostgreSQL), default 3300 [CHAOS_BASE_PORT]
//   --build | --skip-build   always build / never build (default: build when dist is stale)
//   KAFKA_PORT       the local broker's port (scripts/kafka.sh), default 9092
//   CHAOS_DIR        where the cluster's data and the service logs go, default .chaos
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import kafkajs from 'kafkajs';
import pg from 'pg';
import {
  BenchError,
  buildIfNeeded,
  fail,
  httpClient,
  kafkaUp,
  log,
  parseBenchArgs,
  ROOT,
  run,
  serviceEnv,
  setLogPrefix,
  sleep,
  startService,
  stopAll,
  stopService,
  waitReady,
} from './bench/common.mjs';

setLogPrefix('chaos');

const ADMIN = { username: 'admin', password: 'Chaos-county-secret-2026' };
const PASSWORD = 'Chaos-user-password-2026';
const SERVICE_SETTINGS = { OUTBOX_POLL_MS: '50', DEPARTMENT_REFRESH_MS: '1000', DEADLINE_WATCH_MS: '3600000' };

function readOptions() {
  const { int, build } = parseBenchArgs(import.meta.url, {
    duration: { type: 'string' },
    filers: { type: 'string' },
    settle: { type: 'string' },
    pause: { type: 'string' },
    'base-port': { type: 'string' },
  });
  const kafkaPort = int('kafka-port', 'KAFKA_PORT', 9092, 1, 65535);
  const basePort = int('base-port', 'CHAOS_BASE_PORT', 3300, 1024, 65000);
  return {
    durationS: int('duration', 'CHAOS_DURATION', 120, 40, 3600),
    filers: int('filers', 'CHAOS_FILERS', 4, 1, 64),
    settleS: int('settle', 'CHAOS_SETTLE', 120, 10, 3600),
    pauseMs: int('pause', 'CHAOS_PAUSE_MS', 20, 0, 60_000),
    ports: { api: [basePort, basePort + 1], handler: [basePort + 2, basePort + 3], postgres: basePort + 4 },
    kafkaBrokers: `127.0.0.1:${kafkaPort}`,
    dir: path.resolve(ROOT, process.env.CHAOS_DIR || '.chaos'),
    build,
    jwtSecret: randomBytes(32).toString('hex'),
    admin: ADMIN,
  };
}

// ---------------------------------------------------------------------------------------------
// The cluster of its own

async function startPostgres(options) {
  const { EmbeddedPostgres } = await import(path.join(ROOT, 'dist', 'libs', 'persistence', 'src', 'embedded-postgres.js'));
  const dataDir = path.join(options.dir, 'postgres');
  fs.rmSync(dataDir, { recursive: true, force: true });
  // Four services with their pools, the checks and the rebuild.
  const start = () => EmbeddedPostgres.start({ dataDir, port: options.ports.postgres, maxConnections: 100 });
  let server = await start();
  const url = new URL(server.url);
  url.pathname = '/governance_chaos';
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE governance_chaos');
  await admin.end();
  return {
    url: url.toString(),
    stop: async () => {
      await server.stop();
    },
    start: async () => {
      server = await start();
    },
  };
}

/**
 * This run's monitoring projector gets a consumer group of its own that starts at the end of
 * governance.requests.v1: the events already on the shared local broker belong to other databases
 * (the projector would only skip them, but replaying them would hold up this run's figures).
 */
async function projectorGroupAtTopicEnd(options, groupId) {
  const admin = new kafkajs.Kafka({ clientId: 'chaos', brokers: [options.kafkaBrokers], logLevel: kafkajs.logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic: 'governance.requests.v1', numPartitions: 6 }], waitForLeaders: true });
    const ends = await admin.fetchTopicOffsets('governance.requests.v1');
    await admin.setOffsets({ groupId, topic: 'governance.requests.v1', partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })) });
  } finally {
    await admin.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// Services

class Services {
  constructor(options, databaseUrl, projectorGroup) {
    this.options = options;
    this.databaseUrl = databaseUrl;
    this.projectorGroup = projectorGroup;
    this.entries = new Map();
    this.restarts = 0;
  }

  env(name, port) {
    return serviceEnv({ ...this.options, databaseUrl: this.databaseUrl }, `chaos-${name}`, {
      ...SERVICE_SETTINGS,
      PORT: String(port),
      // This run's read models get a projector group of their own on the shared broker.
      MONITORING_PROJECTOR_GROUP: this.projectorGroup,
    });
  }

  async start(name) {
    const [kind, index] = name.split('-');
    const port = this.options.ports[kind][Number(index) - 1];
    const entry0 = this.entries.get(name);
    const generation = (entry0?.generation ?? 0) + 1;
    const logFile = path.join(this.options.dir, `${name}.${generation}.log`);
    const script = kind === 'api' ? 'dist/apps/api/src/main.js' : 'dist/apps/dept-handler/src/main.js';
    const entry = startService(name, [script], this.env(name, port), logFile);
    entry.generation = generation;
    entry.port = port;
    this.entries.set(name, entry);
    await waitReady(entry, port, 120_000);
    return entry;
  }

  kill(name) {
    const entry = this.entries.get(name);
    entry.child.kill('SIGKILL');
    return entry.done;
  }

  async stopAll() {
    await Promise.all([...this.entries.values()].map((entry) => stopService(entry)));
  }
}

// ---------------------------------------------------------------------------------------------
// County

async function setUpCounty(client) {
  const signIn = async (username, password) => {
    const res = await client.call('POST', '/api/v1/auth/token', { body: { username, password } });
    if (res.status !== 200) fail(`sign-in of ${username} failed: ${res.status} ${res.text.slice(0, 300)}`);
    return res.body.accessToken;
  };
  const adminToken = await signIn(ADMIN.username, ADMIN.password);
  const post = async (what, body) => {
    const res = await client.call('POST', `/api/v1/${what}`, { token: adminToken, body });
    if (res.status !== 201) fail(`POST /api/v1/${what} failed: ${res.status} ${res.text.slice(0, 300)}`);
    return res.body;
  };
  const s = randomBytes(3).toString('hex');
  // Enough grids that the same-category cluster rule does not route every small matter joint.
  const grids = Array.from({ length: 12 }, (_, i) => `G-${s}-${i + 1}`);
  const departments = { lead: `market-${s}`, assist: `urban-${s}`, single: `lights-${s}` };
  const categories = { joint: `food-${s}`, small: `light-${s}` };
  for (const [i, code] of grids.entries()) await post('grids', { code, name: `网格 ${i + 1}`, streetCode: `S-${s}` });
  for (const [key, code] of Object.entries(departments)) await post('departments', { code, name: `部门 ${key}` });
  await post('categories', { code: categories.joint, name: '食品安全', leadDepartment: departments.lead, assistingDepartments: [departments.assist] });
  await post('categories', { code: categories.small, name: '路灯', leadDepartment: departments.single, assistingDepartments: [] });
  const workers = [];
  for (const [i, grid] of grids.entries()) {
    const username = `chaos-w${i + 1}-${s}`;
    await post('users', { username, password: PASSWORD, role: 'grid_worker', gridCodes: [grid] });
    workers.push({ grid, username, token: await signIn(username, PASSWORD) });
  }
  const staff = [];
  for (const department of Object.values(departments)) {
    for (let i = 1; i <= 2; i++) {
      const username = `chaos-s${i}-${department}`;
      await post('users', { username, password: PASSWORD, role: 'dept_staff', departmentCode: department });
      staff.push({ department, username, token: await signIn(username, PASSWORD) });
    }
  }
  return { grids, departments, categories, workers, staff };
}

function filingBody(county, worker, major, seq) {
  return major
    ? {
        gridCode: worker.grid,
        categoryCode: county.categories.joint,
        title: '夜市出售变质食品',
        description: `多个摊位出售变质肉类 (#${seq})`,
        safetyRisk: true,
        affectedPeople: 8,
      }
    : { gridCode: worker.grid, categoryCode: county.categories.small, title: '路灯不亮', description: `三号门路灯两晚不亮 (#${seq})` };
}

// ---------------------------------------------------------------------------------------------
// Load: clients that behave like the apps on a flaky network (retry with the same key)

class Load {
  constructor(apis, county, pauseMs) {
    this.apis = apis;
    this.pauseMs = pauseMs;
    this.county = county;
    this.stopping = false;
    this.acknowledged = new Map(); // Idempotency-Key → request id
    this.statuses = {};
    this.unexpected = [];
    this.counts = { filingAttempts: 0, retriedFilings: 0, claims: 0, claimConflicts: 0, assignmentResolves: 0, gridResolves: 0, networkErrors: 0 };
    this.next = 0;
  }

  count(status) {
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
  }

  /** One call on whichever replica answers: the other one when this one is down. */
  async call(method, urlPath, options) {
    const api = this.apis[this.next++ % this.apis.length];
    try {
      const res = await api.call(method, urlPath, { timeoutMs: 15_000, ...options });
      this.count(String(res.status));
      return res;
    } catch {
      this.counts.networkErrors++;
      this.count('network');
      return null;
    }
  }

  unexpectedAnswer(what, res) {
    if (this.unexpected.length < 20) this.unexpected.push(`${what}: ${res.status} ${res.text.slice(0, 200)}`);
  }

  /** Files until the answer comes, with one key: a lost answer is asked for again, never filed twice. */
  async fileOne(worker, major, seq) {
    const key = `chaos-${randomUUID()}`;
    const body = filingBody(this.county, worker, major, seq);
    for (let attempt = 0; ; attempt++) {
      if (attempt === 1) this.counts.retriedFilings++;
      this.counts.filingAttempts++;
      const res = await this.call('POST', '/api/v1/requests', { token: worker.token, body, headers: { 'idempotency-key': key } });
      if (res?.status === 201) {
        this.acknowledged.set(key, res.body.id);
        return;
      }
      if (res && res.status < 500 && res.status !== 409 && res.status !== 429) {
        this.unexpectedAnswer('filing', res);
        return;
      }
      await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 5)));
    }
  }

  async filer(index) {
    for (let seq = index; !this.stopping; seq += 1000) {
      const worker = this.county.workers[Math.floor(Math.random() * this.county.workers.length)];
      await this.fileOne(worker, seq % 2 === 0, seq);
      await sleep(this.pauseMs);
    }
  }

  async staffMember(member) {
    while (!this.stopping) {
      const page = await this.call('GET', `/api/v1/assignments?department=${member.department}&status=unclaimed&pageSize=20`, { token: member.token });
      const items = page?.status === 200 ? page.body.items : [];
      if (items.length === 0) {
        await sleep(300);
        continue;
      }
      const target = items[Math.floor(Math.random() * items.length)];
      const claim = await this.call('POST', `/api/v1/assignments/${target.id}/claim`, { token: member.token });
      if (claim?.status === 409) this.counts.claimConflicts++;
      if (claim?.status !== 200) continue;
      this.counts.claims++;
      // Resolving is retried like a person pressing again: 409 once it went through.
      for (let attempt = 0; attempt < 20 && !this.stopping; attempt++) {
        const res = await this.call('POST', `/api/v1/assignments/${target.id}/resolve`, { token: member.token, body: { note: '已处理完毕' } });
        if (res?.status === 200) {
          this.counts.assignmentResolves++;
          break;
        }
        if (res && res.status < 500 && res.status !== 429) break;
        await sleep(300);
      }
    }
  }

  async gridResolver() {
    while (!this.stopping) {
      await sleep(500);
      const worker = this.county.workers[Math.floor(Math.random() * this.county.workers.length)];
      const page = await this.call('GET', `/api/v1/requests?route=grid&status=open&gridCode=${worker.grid}&pageSize=5`, { token: worker.token });
      for (const item of page?.status === 200 ? page.body.items : []) {
        const res = await this.call('POST', `/api/v1/requests/${item.id}/resolve`, { token: worker.token, body: { note: '网格内已解决' } });
        if (res?.status === 200) this.counts.gridResolves++;
      }
    }
  }

  start(filers) {
    this.running = Promise.all([
      ...Array.from({ length: filers }, (_, i) => this.filer(i)),
      ...this.county.staff.map((m) => this.staffMember(m)),
      this.gridResolver(),
    ]);
  }

  /** Stops taking new work; a filing in hand is followed through until it has its answer. */
  async stop() {
    this.stopping = true;
    await this.running;
  }
}

// ---------------------------------------------------------------------------------------------
// Checks

/**
 * Waits until the pipeline has drained: the outbox published, every assignment delivered, every
 * request projected. A read model that catches up slowly is not a fault; one that stops moving is,
 * so this gives up only when nothing has moved for `stallS` seconds.
 */
async function settle(db, stallS) {
  const started = performance.now();
  let state;
  let remaining = Infinity;
  let movedAt = Date.now();
  let printed = Date.now();
  for (;;) {
    const { rows } = await db.query(`
      SELECT (SELECT count(*)::int FROM outbox WHERE published_at IS NULL) AS unpublished,
             (SELECT count(*)::int FROM assignments WHERE delivered_at IS NULL) AS undelivered,
             (SELECT count(*)::int FROM requests r LEFT JOIN mon_requests m ON m.request_id = r.id
               WHERE m.request_id IS NULL OR m.last_sequence <> r.last_sequence) AS unprojected`);
    state = rows[0];
    const left = state.unpublished + state.undelivered + state.unprojected;
    if (left === 0) break;
    if (left < remaining) {
      remaining = left;
      movedAt = Date.now();
    }
    if (Date.now() - movedAt > stallS * 1000) break;
    if (Date.now() - printed >= 10_000) {
      printed = Date.now();
      log(`draining: ${state.unpublished} unpublished outbox rows, ${state.undelivered} undelivered assignments, ${state.unprojected} requests not projected yet`);
    }
    await sleep(1000);
  }
  return { ...state, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

async function readModelSnapshot(db) {
  const snapshot = {};
  for (const [table, key] of [
    ['mon_requests', 'request_id'],
    ['mon_assignments', 'assignment_id'],
    ['mon_daily_figures', null],
  ]) {
    // updated_at is when a row was written, not what it says; the rebuild writes every row anew.
    const { rows } = await db.query(`SELECT to_jsonb(t) - 'updated_at' AS row FROM ${table} t ORDER BY ${key ?? 'to_jsonb(t)::text'}`);
    snapshot[table] = rows.map((r) => JSON.stringify(r.row));
  }
  return snapshot;
}

function compareSnapshots(before, after) {
  const differences = [];
  for (const table of Object.keys(before)) {
    const a = new Set(before[table]);
    const b = new Set(after[table]);
    const onlyBefore = before[table].filter((r) => !b.has(r));
    const onlyAfter = after[table].filter((r) => !a.has(r));
    if (onlyBefore.length || onlyAfter.length) {
      differences.push(`${table}: ${onlyBefore.length} rows differ from the rebuild (e.g. ${onlyBefore[0] ?? '-'} vs ${onlyAfter[0] ?? '-'})`);
    }
  }
  return differences;
}

async function verify(db, load, options, databaseUrl) {
  const checks = [];
  const check = (name, ok, detail) => checks.push({ name, ok, detail });

  const ids = [...load.acknowledged.values()];
  const { rows: found } = await db.query('SELECT id FROM requests WHERE id = ANY($1::uuid[])', [ids]);
  const [{ total }] = (await db.query('SELECT count(*)::int AS total FROM requests')).rows;
  check(
    'every filing answered 201 exists exactly once',
    new Set(ids).size === ids.length && found.length === ids.length && total === ids.length,
    `${ids.length} filings answered 201 (${load.counts.retriedFilings} after a retry with the same key), ${found.length} of them found, ${total} requests in the database`,
  );

  const { rows: gaps } = await db.query(`
    SELECT r.id FROM requests r LEFT JOIN (
      SELECT request_id, count(*) AS n, min(sequence) AS lo, max(sequence) AS hi, count(DISTINCT sequence) AS d FROM request_events GROUP BY request_id
    ) e ON e.request_id = r.id
    WHERE e.request_id IS NULL OR e.lo <> 1 OR e.hi <> e.n OR e.d <> e.n OR e.hi <> r.last_sequence`);
  const [{ events }] = (await db.query('SELECT count(*)::int AS events FROM request_events')).rows;
  check('every timeline is gapless (1..n, matching the request)', gaps.length === 0, `${events} events; ${gaps.length} requests with a gap`);

  const [outbox] = (await db.query('SELECT count(*)::int AS rows, count(*) FILTER (WHERE published_at IS NULL)::int AS unpublished FROM outbox')).rows;
  check('every outbox row is published', outbox.unpublished === 0, `${outbox.rows} rows, ${outbox.unpublished} unpublished`);

  const [delivery] = (
    await db.query(`
      SELECT count(*)::int AS assignments,
             count(*) FILTER (WHERE a.delivered_at IS NULL)::int AS undelivered,
             count(*) FILTER (WHERE d.n > 1)::int AS delivered_twice,
             count(*) FILTER (WHERE i.n IS DISTINCT FROM 1)::int AS not_handled_once
        FROM assignments a
        LEFT JOIN (SELECT data->>'assignmentId' AS id, count(*) AS n FROM request_events
                    WHERE type = 'assignment.delivered' GROUP BY 1) d ON d.id = a.id::text
        LEFT JOIN (SELECT e.data->>'assignmentId' AS id, count(*) AS n
                     FROM request_events e JOIN inbox ON inbox.event_id = e.event_id
                      AND inbox.consumer = 'dept-handler.' || (e.data->>'departmentCode')
                    WHERE e.type = 'assignment.created' GROUP BY 1) i ON i.id = a.id::text`)
  ).rows;
  check(
    'every assignment delivered to its department exactly once in effect',
    delivery.undelivered === 0 && delivery.delivered_twice === 0 && delivery.not_handled_once === 0,
    `${delivery.assignments} assignments: ${delivery.undelivered} undelivered, ${delivery.delivered_twice} with two delivery events, ` +
      `${delivery.not_handled_once} whose assignment.created the department's group did not handle exactly once`,
  );

  const before = await readModelSnapshot(db);
  const rebuild = await run(process.execPath, ['dist/libs/monitoring/src/rebuild.js'], {
    env: serviceEnv({ ...options, databaseUrl }, 'chaos-rebuild', {}),
    capture: true,
  });
  const after = await readModelSnapshot(db);
  const differences = compareSnapshots(before, after);
  check(
    'the monitoring read models equal a fresh rebuild',
    differences.length === 0,
    differences.length ? differences.join('; ') : `${before.mon_requests.length} requests, ${before.mon_assignments.length} assignments, ${before.mon_daily_figures.length} daily rows (${rebuild.stdout.trim()})`,
  );
  return checks;
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const options = readOptions();
  fs.mkdirSync(options.dir, { recursive: true });
  await kafkaUp();
  await buildIfNeeded(options);
  const runId = `${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
  log(`PostgreSQL of its own on 127.0.0.1:${options.ports.postgres} (data in ${path.relative(ROOT, options.dir)}/postgres)`);
  const postgres = await startPostgres(options);
  const projectorGroup = `monitoring-projector.chaos-${runId}`;
  await projectorGroupAtTopicEnd(options, projectorGroup);
  const services = new Services(options, postgres.url, projectorGroup);
  const timeline = [];
  const at = (what) => {
    timeline.push({ atS: Math.round((performance.now() - t0) / 100) / 10, what });
    log(what);
  };
  let t0 = performance.now();
  const db = new pg.Pool({ connectionString: postgres.url, max: 2 });
  db.on('error', () => {}); // the pool's idle clients die with the restart; queries reconnect

  try {
    await services.start('api-1');
    await Promise.all([services.start('api-2'), services.start('handler-1'), services.start('handler-2')]);
    const apis = options.ports.api.map((port) => httpClient(port, 32));
    const county = await setUpCounty(apis[0]);
    const load = new Load(apis, county, options.pauseMs);
    t0 = performance.now();
    at(`load: ${options.filers} filing clients, ${county.staff.length} staff, a grid resolver, for ${options.durationS} s`);
    load.start(options.filers);

    const d = options.durationS * 1000;
    const until = (fraction) => sleep(Math.max(0, t0 + fraction * d - performance.now()));
    await until(0.1);
    at('kill -9 handler-1');
    await services.kill('handler-1');
    await sleep(3000);
    at('handler-1 starting again');
    await services.start('handler-1');
    await until(0.25);
    at('kill -9 api-1');
    await services.kill('api-1');
    await sleep(3000);
    at('api-1 starting again');
    await services.start('api-1');
    await until(0.45);
    at('broker stopping (scripts/kafka.sh down)');
    await run('bash', [path.join(ROOT, 'scripts', 'kafka.sh'), 'down'], { capture: true });
    await sleep(10_000);
    at('broker starting again');
    await run('bash', [path.join(ROOT, 'scripts', 'kafka.sh'), 'up'], { capture: true });
    at('broker up');
    await until(0.7);
    at('PostgreSQL stopping');
    await postgres.stop();
    await sleep(5000);
    at('PostgreSQL starting again');
    await postgres.start();
    at('PostgreSQL up');
    await until(1);
    at('load stopping; following filings in hand through');
    await load.stop();
    at(`load stopped: ${load.acknowledged.size} filings answered 201`);

    const drained = await settle(db, options.settleS);
    at(
      `drained after ${drained.seconds} s: ${drained.unpublished} unpublished outbox rows, ${drained.undelivered} undelivered assignments, ${drained.unprojected} requests not projected`,
    );
    const ready = await Promise.all(
      [...services.entries.values()].map(async (entry) => {
        const client = httpClient(entry.port, 1);
        try {
          const res = await client.call('GET', '/health/ready', { timeoutMs: 10_000 });
          return { name: entry.name, ok: res.status === 200, answer: res.status === 200 ? '200' : `${res.status} ${res.body?.message ?? ''}` };
        } catch (error) {
          return { name: entry.name, ok: false, answer: error.message };
        } finally {
          client.close();
        }
      }),
    );
    at(`readiness after the faults: ${ready.map((r) => `${r.name} ${r.answer}`).join(', ')}`);
    await services.stopAll();
    for (const api of apis) api.close();

    const checks = await verify(db, load, options, postgres.url);
    checks.push({
      name: 'every service is ready again after the faults',
      ok: ready.every((r) => r.ok),
      detail: ready.map((r) => `${r.name} ${r.answer}`).join(', '),
    });
    const lines = [
      '',
      `Chaos run ${runId}: ${options.durationS} s of load, ${options.filers} filing clients, two api replicas, two department handlers`,
      `answers: ${Object.entries(load.statuses).sort().map(([s, n]) => `${s}×${n}`).join(', ')}`,
      `work: ${load.acknowledged.size} filings (${load.counts.filingAttempts} attempts), ${load.counts.claims} claims (${load.counts.claimConflicts} lost races), ` +
        `${load.counts.assignmentResolves} assignments resolved, ${load.counts.gridResolves} grid tasks resolved`,
      ...(load.unexpected.length ? [`unexpected answers: ${load.unexpected.join(' | ')}`] : []),
      '',
      ...checks.map((c) => `${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`),
      '',
      `service logs in ${path.relative(ROOT, options.dir)}/`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    const result = { runId, options: { durationS: options.durationS, filers: options.filers }, timeline, statuses: load.statuses, counts: load.counts, acknowledged: load.acknowledged.size, checks };
    fs.writeFileSync(path.join(options.dir, 'result.json'), JSON.stringify(result, null, 2));
    if (checks.some((c) => !c.ok) || load.unexpected.length) process.exitCode = 1;
  } finally {
    await db.end().catch(() => {});
    await stopAll();
    await postgres.stop().catch(() => {});
  }
}

main().catch(async (error) => {
  console.error(error instanceof BenchError ? `chaos: ${error.message}` : error);
  await stopAll();
  process.exit(1);
});
