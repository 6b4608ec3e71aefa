#!/usr/bin/env node
// `npm run bench [-- --concurrency N --duration S ...]`: end-to-end throughput and latency of
// filing requests against the real services, compared with a pgbench baseline of one-row INSERTs
// on the same PostgreSQL, measured in the same run.
//
//   1. starts Kafka (scripts/kafka.sh up; reuses a running broker, leaves it running),
//   2. recreates the database governance_bench (refuses names without "bench"),
//   3. builds dist/ when it is missing or older than the sources,
//   4. starts the api (which migrates) and one department handler as child processes,
//   5. sets up a county over HTTP as the admin and signs in one grid worker per grid,
//   6. files requests at a fixed concurrency (warm-up not counted), printing progress each second,
//   7. waits until the department handler has received every joint filing (or a timeout),
//   8. stops the services, runs pgbench at the same concurrency, prints a table and writes
//      bench/results/bench-<timestamp>.json and bench/results/latest.json.
//
// Options (environment variable in brackets):
//   --concurrency N        concurrent HTTP clients, default 16 [BENCH_CONCURRENCY]
//   --duration S           measured seconds, default 30 [BENCH_DURATION]
//   --warmup S             warm-up seconds, not counted, default 3 [BENCH_WARMUP]
//   --max-requests N       stop filing after N requests in all (warm-up included), default 1000000 [BENCH_MAX_REQUESTS]
//   --grids N              grids in the county, one worker each, default 4 [BENCH_GRIDS]
//   --pgbench-duration S   seconds of pgbench, default 10 [BENCH_PGBENCH_DURATION]
//   --delivery-timeout S   how long to wait for the handler after the load, default 30 [BENCH_DELIVERY_TIMEOUT]
//   --api-port P           default 3100 [BENCH_API_PORT]; --handler-port P default 3101 [BENCH_HANDLER_PORT]
//   --no-idempotency-key   file without an Idempotency-Key header (default: a fresh key per filing)
//   --build | --skip-build always build / never build (default: build when dist is stale)
//   BENCH_DATABASE_URL     default postgres://postgres@127.0.0.1:5432/governance_bench (loopback, name must contain "bench")
//   DB_POOL_SIZE           passed through to the services when set
//   BENCH_SERVICE_NODE_ARGS  extra node flags for the services, e.g. "--prof --logfile=bench/results/prof/v8.log"
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  BenchError,
  benchDatabase,
  buildIfNeeded,
  fail,
  fmtInt,
  fmtMs,
  git,
  httpClient,
  kafkaUp,
  log,
  newHistogram,
  parseBenchArgs,
  portInUse,
  postgresInfo,
  recreateDatabase,
  RESULTS_DIR,
  ROOT,
  run,
  serviceEnv,
  setLogPrefix,
  sleep,
  stamp,
  startService,
  STOP_GRACE_MS,
  stopAll,
  summary,
  waitReady,
} from './bench/common.mjs';

setLogPrefix('bench');

const PGBENCH_SCRIPT = path.join(ROOT, 'scripts', 'bench', 'insert.sql');
const SERVICE_CLIENT_ID = 'grid-governance-bench';
/** The relay and the department refresh at a pace that does not hide the path being measured. */
const SERVICE_SETTINGS = { OUTBOX_POLL_MS: '50', DEPARTMENT_REFRESH_MS: '1000' };

// ---------------------------------------------------------------------------------------------
// Options

function readOptions() {
  const { values, int, build } = parseBenchArgs(import.meta.url, {
    concurrency: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    'max-requests': { type: 'string' },
    grids: { type: 'string' },
    'pgbench-duration': { type: 'string' },
    'delivery-timeout': { type: 'string' },
    'api-port': { type: 'string' },
    'handler-port': { type: 'string' },
    'no-idempotency-key': { type: 'boolean', default: false },
  });
  const { databaseUrl, database } = benchDatabase('BENCH_DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/governance_bench');
  const options = {
    concurrency: int('concurrency', 'BENCH_CONCURRENCY', 16, 1, 1024),
    durationS: int('duration', 'BENCH_DURATION', 30, 1, 3600),
    warmupS: int('warmup', 'BENCH_WARMUP', 3, 0, 600),
    maxRequests: int('max-requests', 'BENCH_MAX_REQUESTS', 1_000_000, 1, 100_000_000),
    grids: int('grids', 'BENCH_GRIDS', 4, 1, 100),
    pgbenchS: int('pgbench-duration', 'BENCH_PGBENCH_DURATION', 10, 1, 600),
    deliveryTimeoutS: int('delivery-timeout', 'BENCH_DELIVERY_TIMEOUT', 30, 0, 3600),
    apiPort: int('api-port', 'BENCH_API_PORT', 3100, 1, 65535),
    handlerPort: int('handler-port', 'BENCH_HANDLER_PORT', 3101, 1, 65535),
    idempotencyKey: !values['no-idempotency-key'],
    build,
    databaseUrl,
    database,
    kafkaBrokers: '127.0.0.1:9092',
  };
  if (options.apiPort === options.handlerPort) fail('--api-port and --handler-port must differ');
  return options;
}

// ---------------------------------------------------------------------------------------------
// CPU accounting

/** CPU seconds (user + system) a process has used so far, from /proc; null where unavailable. */
function processCpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

/** Busy and total jiffies of the whole machine, from /proc/stat. */
function machineCpu() {
  try {
    const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const n = values.map(Number);
    const idle = n[3] + (n[4] ?? 0);
    const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by all processes whose command name is `comm` (e.g. every postgres backend). */
function commCpuSeconds(comm) {
  let total = 0;
  let entries = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return null;
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== comm) continue;
    } catch {
      continue;
    }
    total += processCpuSeconds(pid) ?? 0;
  }
  return total;
}

function kafkaBrokerPid() {
  try {
    const pid = fs.readFileSync(path.join(ROOT, '.kafka', 'kafka.pid'), 'utf8').trim();
    return /^\d+$/.test(pid) ? Number(pid) : null;
  } catch {
    return null;
  }
}

function cpuSnapshot(pids) {
  const processes = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, processCpuSeconds(pid)]));
  processes.postgres = commCpuSeconds('postgres');
  const kafka = kafkaBrokerPid();
  processes.kafka = kafka ? processCpuSeconds(kafka) : null;
  processes.bench = process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6;
  return { at: performance.now(), machine: machineCpu(), processes };
}

function cpuBetween(a, b, filings) {
  const seconds = (b.at - a.at) / 1000;
  const out = { seconds: Math.round(seconds * 10) / 10, loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100 };
  if (a.machine && b.machine) {
    out.machineBusyPercent = Math.round((1000 * (b.machine.busy - a.machine.busy)) / Math.max(1, b.machine.total - a.machine.total)) / 10;
  }
  let accounted = 0;
  for (const [name, before] of Object.entries(a.processes)) {
    const after = b.processes[name];
    if (before === null || after === null || after < before) continue;
    const used = after - before;
    accounted += used;
    out[name] = {
      cores: Math.round((100 * used) / seconds) / 100,
      cpuMsPerFiling: filings > 0 ? Math.round((100000 * used) / filings) / 100 : null,
    };
  }
  if (a.machine && b.machine) {
    const busyCores = (b.machine.busy - a.machine.busy) / 100 / seconds; // jiffies at USER_HZ = 100
    out.otherCores = Math.max(0, Math.round(100 * (busyCores - accounted / seconds)) / 100);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Steps

async function setUpCounty(api, options) {
  const signIn = async (username, password) => {
    const res = await api.call('POST', '/api/v1/auth/token', { body: { username, password } });
    if (res.status !== 200) fail(`sign-in of ${username} failed: ${res.status} ${res.text.slice(0, 300)}`);
    return res.body.accessToken;
  };
  const adminToken = await signIn(options.admin.username, options.admin.password);
  const post = async (what, body) => {
    const res = await api.call('POST', `/api/v1/${what}`, { token: adminToken, body });
    if (res.status !== 201) fail(`POST /api/v1/${what} failed: ${res.status} ${res.text.slice(0, 300)}`);
    return res.body;
  };
  const s = randomBytes(4).toString('hex');
  const grids = Array.from({ length: options.grids }, (_, i) => `G-${s}-${i + 1}`);
  const departments = { lead: `market-${s}`, assist: `urban-${s}`, single: `lights-${s}` };
  const categories = { joint: `food-safety-${s}`, small: `street-light-${s}` };
  for (const [i, code] of grids.entries()) await post('grids', { code, name: `Bench grid ${i + 1}`, streetCode: `S-${s}` });
  for (const [key, code] of Object.entries(departments)) await post('departments', { code, name: `Bench department ${key}` });
  await post('categories', {
    code: categories.joint,
    name: 'Food safety',
    leadDepartment: departments.lead,
    assistingDepartments: [departments.assist],
  });
  await post('categories', { code: categories.small, name: 'Street light', leadDepartment: departments.single, assistingDepartments: [] });
  const password = `bench-${randomBytes(6).toString('hex')}`;
  const workers = [];
  for (const [i, grid] of grids.entries()) {
    const username = `bench-w${i + 1}-${s}`;
    await post('users', { username, password, role: 'grid_worker', gridCodes: [grid] });
    workers.push({ grid, username, token: await signIn(username, password) });
  }
  return { suffix: s, grids, departments, categories, workers };
}

function filingBody(county, grid, major, seq) {
  return major
    ? {
        gridCode: grid,
        categoryCode: county.categories.joint,
        title: 'Spoiled food sold at the night market',
        description: `Several stalls sell spoiled meat; two people fell ill. (bench #${seq})`,
        location: { lat: 40.14, lng: 117.12, address: 'Binhe Road 12' },
        reporter: { name: 'Wang Fang', phone: '13800001234' },
        safetyRisk: true,
        affectedPeople: 12,
        urgency: 'high',
      }
    : {
        gridCode: grid,
        categoryCode: county.categories.small,
        title: 'Street light out at gate 3',
        description: `The light has been out for two nights. (bench #${seq})`,
        location: { lat: 40.15, lng: 117.13, address: 'Xinglong Street 3' },
      };
}

async function queryAssignments(db, ids) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS total, count(delivered_at)::int AS delivered FROM assignments WHERE request_id = ANY($1::uuid[])`,
    [ids],
  );
  return rows[0];
}

/** Files one request, checks that the handler receives it: proves the whole path works before the load. */
async function primeDelivery(api, db, county) {
  const worker = county.workers[0];
  const ids = [];
  for (const body of [
    filingBody(county, worker.grid, true, 'primer'),
    { ...filingBody(county, worker.grid, false, 'primer'), urgency: 'critical' }, // joint with the single department
  ]) {
    const res = await api.call('POST', '/api/v1/requests', { token: worker.token, body, headers: { 'idempotency-key': randomUUID() } });
    if (res.status !== 201) fail(`the primer filing failed: ${res.status} ${res.text.slice(0, 500)}`);
    if (res.body.route !== 'joint') fail(`the primer filing was routed "${res.body.route}", expected "joint"`);
    ids.push(res.body.id);
  }
  const t0 = performance.now();
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const { total, delivered } = await queryAssignments(db, ids);
    if (total === 3 && delivered === total) {
      const seconds = (performance.now() - t0) / 1000;
      log(`the department handler received the primer filings after ${seconds.toFixed(1)} s (consumer groups joined)`);
      return Math.round(seconds * 10) / 10;
    }
    await sleep(250);
  }
  fail('the department handler did not receive the primer filings within 90 s');
}

async function runLoad(api, county, options, signal, pids) {
  const hist = newHistogram();
  const startedAt = performance.now();
  const warmEnd = startedAt + options.warmupS * 1000;
  let end = warmEnd + options.durationS * 1000;
  signal.addEventListener('abort', () => (end = Math.min(end, performance.now())));

  let cpuStart = cpuSnapshot(pids);
  const cpuTimer = setTimeout(() => (cpuStart = cpuSnapshot(pids)), options.warmupS * 1000);
  const state = {
    issued: 0,
    inFlight: 0,
    warmup: { ok: 0, errors: 0 },
    measured: { okCompleted: 0, okStarted: 0, errors: 0 },
    statusCounts: {},
    errorSamples: [],
    routes: { major: { joint: 0, grid: 0 }, small: { joint: 0, grid: 0 } },
    jointIds: [],
    measuredIds: [],
    completionsThisSecond: 0,
  };

  const recordError = (key, detail, measured) => {
    state.statusCounts[key] = (state.statusCounts[key] ?? 0) + 1;
    if (measured) state.measured.errors++;
    else state.warmup.errors++;
    if (state.errorSamples.length < 10) state.errorSamples.push({ status: key, detail: String(detail).slice(0, 400) });
  };

  const progress = setInterval(() => {
    const now = performance.now();
    const phase = now < warmEnd ? 'warm-up' : 'measure';
    const elapsed = ((now - startedAt) / 1000).toFixed(0).padStart(4);
    const filings = phase === 'warm-up' ? state.warmup.ok : state.measured.okCompleted;
    const errors = state.warmup.errors + state.measured.errors;
    process.stdout.write(
      `  ${elapsed} s  ${phase.padEnd(7)}  filings ${String(filings).padStart(7)}  rate ${String(state.completionsThisSecond).padStart(5)}/s  errors ${errors}  in flight ${state.inFlight}\n`,
    );
    state.completionsThisSecond = 0;
  }, 1000);

  const worker = async () => {
    while (performance.now() < end && state.issued < options.maxRequests) {
      const seq = state.issued++;
      const major = seq % 2 === 0;
      const w = county.workers[Math.floor(seq / 2) % county.workers.length];
      const headers = options.idempotencyKey ? { 'idempotency-key': `bench-${randomUUID()}` } : {};
      const t0 = performance.now();
      const measured = t0 >= warmEnd;
      state.inFlight++;
      let res = null;
      let failure = null;
      try {
        res = await api.call('POST', '/api/v1/requests', { token: w.token, body: filingBody(county, w.grid, major, seq), headers });
      } catch (error) {
        failure = error;
      }
      state.inFlight--;
      const t1 = performance.now();
      if (failure) {
        recordError('network', failure.message, measured);
        await sleep(50); // no hot loop against a dead server
        continue;
      }
      if (res.status !== 201) {
        recordError(String(res.status), res.text, measured);
        continue;
      }
      state.statusCounts['201'] = (state.statusCounts['201'] ?? 0) + 1;
      state.completionsThisSecond++;
      if (t1 >= warmEnd && t1 < end) state.measured.okCompleted++;
      else if (t1 < warmEnd) state.warmup.ok++;
      if (measured) {
        state.measured.okStarted++;
        hist.recordValue(Math.max(1, Math.round((t1 - t0) * 1000)));
        const route = res.body?.route === 'joint' ? 'joint' : 'grid';
        state.routes[major ? 'major' : 'small'][route]++;
        state.measuredIds.push(res.body.id);
        if (route === 'joint') state.jointIds.push(res.body.id);
      }
    }
  };

  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const cpuEnd = cpuSnapshot(pids);
  clearTimeout(cpuTimer);
  clearInterval(progress);
  const measuredSeconds = Math.max(0.001, (Math.min(end, performance.now()) - warmEnd) / 1000);
  return {
    ...state,
    measuredSeconds,
    filingsPerSecond: state.measured.okCompleted / measuredSeconds,
    http: summary(hist),
    cpu: cpuBetween(cpuStart, cpuEnd, state.measured.okCompleted),
    stoppedBy: signal.aborted ? 'interrupt' : state.issued >= options.maxRequests ? 'max-requests' : 'duration',
  };
}

async function waitForDelivery(db, ids, timeoutS) {
  if (ids.length === 0) return { total: 0, delivered: 0, waitedS: 0 };
  const t0 = performance.now();
  let lastPrint = 0;
  for (;;) {
    const { total, delivered } = await queryAssignments(db, ids);
    const waited = (performance.now() - t0) / 1000;
    if (delivered === total || waited >= timeoutS) return { total, delivered, waitedS: Math.round(waited * 10) / 10 };
    if (waited - lastPrint >= 1) {
      lastPrint = waited;
      log(`waiting for the department handler: ${delivered}/${total} assignments delivered`);
    }
    await sleep(250);
  }
}

async function deliveryLatency(db, ids) {
  const perAssignment = newHistogram();
  const perRequest = newHistogram();
  const byRole = { lead: newHistogram(), assist: newHistogram() };
  if (ids.length > 0) {
    const { rows } = await db.query(
      `SELECT a.request_id, a.role,
              EXTRACT(EPOCH FROM (a.delivered_at - r.created_at)) * 1000000 AS us
         FROM assignments a JOIN requests r ON r.id = a.request_id
        WHERE a.request_id = ANY($1::uuid[]) AND a.delivered_at IS NOT NULL`,
      [ids],
    );
    const latestByRequest = new Map();
    for (const row of rows) {
      const us = Math.max(1, Math.round(Number(row.us)));
      perAssignment.recordValue(us);
      byRole[row.role]?.recordValue(us);
      latestByRequest.set(row.request_id, Math.max(latestByRequest.get(row.request_id) ?? 0, us));
    }
    for (const us of latestByRequest.values()) perRequest.recordValue(us);
  }
  return {
    perAssignment: summary(perAssignment),
    perRequestAllDepartments: summary(perRequest),
    lead: summary(byRole.lead),
    assist: summary(byRole.assist),
  };
}

/** Outbox row written (created_at = its transaction's start) → published to Kafka, for the measured filings' events. */
async function outboxLag(db, ids) {
  if (ids.length === 0) return null;
  const { rows } = await db.query(
    `SELECT count(*)::int AS events, count(published_at)::int AS published,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (published_at - created_at)) * 1000) AS p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (published_at - created_at)) * 1000) AS p99
       FROM outbox WHERE message_key = ANY($1::text[])`,
    [ids],
  );
  const r = rows[0];
  const round = (v) => (v === null ? null : Math.round(Number(v) * 1000) / 1000);
  return { events: r.events, published: r.published, p50Ms: round(r.p50), p99Ms: round(r.p99) };
}

async function runPgbench(options) {
  const url = new URL(options.databaseUrl);
  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    await db.query('DROP TABLE IF EXISTS bench_insert');
    await db.query('CREATE TABLE bench_insert (id bigserial PRIMARY KEY, payload text, created_at timestamptz DEFAULT now())');
  } finally {
    await db.end();
  }
  const jobs = Math.min(2, options.concurrency);
  const args = ['-n', '-c', String(options.concurrency), '-j', String(jobs), '-T', String(options.pgbenchS), '-f', PGBENCH_SCRIPT];
  const env = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username || 'postgres'),
    PGDATABASE: options.database,
  };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const command = `pgbench ${args.map((a) => (a === PGBENCH_SCRIPT ? path.relative(ROOT, a) : a)).join(' ')} ${options.database}`;
  log(`pgbench baseline: ${command}`);
  const { stdout, stderr } = await run('pgbench', [...args, options.database], { env, capture: true });
  const text = `${stdout}\n${stderr}`;
  const tpsLines = [...text.matchAll(/^tps = ([\d.]+)(.*)$/gm)];
  const preferred = tpsLines.find((m) => /without|excluding/.test(m[2])) ?? tpsLines[0];
  if (!preferred) fail(`could not find "tps = ..." in pgbench's output:\n${text}`);
  const latency = /latency average = ([\d.]+) ms/.exec(text);
  const transactions = /number of transactions actually processed: (\d+)/.exec(text);
  const failed = /number of failed transactions: (\d+)/.exec(text);
  let version = null;
  try {
    version = execFileSync('pgbench', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    /* not essential */
  }
  return {
    command,
    version,
    clients: options.concurrency,
    jobs,
    durationS: options.pgbenchS,
    tps: Number(preferred[1]),
    latencyAverageMs: latency ? Number(latency[1]) : null,
    transactions: transactions ? Number(transactions[1]) : null,
    failedTransactions: failed ? Number(failed[1]) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

function printTable(r) {
  const rows = [];
  const add = (label, value) => rows.push([label, value]);
  const L = r.load;
  const d = r.delivery;
  add('filings/s (201s completed in window)', L.filingsPerSecond.toFixed(1));
  add('filings measured', `${fmtInt(L.measured.okCompleted)} completed in ${L.measuredSeconds.toFixed(1)} s`);
  add(
    '  routes (measured)',
    `major: ${L.routes.major.joint} joint, ${L.routes.major.grid} grid; small: ${L.routes.small.joint} joint, ${L.routes.small.grid} grid`,
  );
  add('errors (non-201, measured / warm-up)', `${L.measured.errors} / ${L.warmup.errors}${L.measured.errors + L.warmup.errors ? `  ${JSON.stringify(r.load.statusCounts)}` : ''}`);
  add('HTTP latency p50 / p99 / max', `${fmtMs(L.http.p50Ms)} / ${fmtMs(L.http.p99Ms)} / ${fmtMs(L.http.maxMs)} ms`);
  add(
    'filing → handler p50 / p99 / max',
    `${fmtMs(d.latency.perAssignment.p50Ms)} / ${fmtMs(d.latency.perAssignment.p99Ms)} / ${fmtMs(d.latency.perAssignment.maxMs)} ms (per assignment)`,
  );
  add(
    '  all departments of a filing p50 / p99',
    `${fmtMs(d.latency.perRequestAllDepartments.p50Ms)} / ${fmtMs(d.latency.perRequestAllDepartments.p99Ms)} ms`,
  );
  add(
    '  assignments delivered',
    `${fmtInt(d.delivered)} / ${fmtInt(d.total)} (${d.undelivered} undelivered after ${d.waitedS.toFixed(1)} s wait)`,
  );
  if (r.outbox) add('outbox row written → published p50 / p99', `${fmtMs(r.outbox.p50Ms)} / ${fmtMs(r.outbox.p99Ms)} ms (${r.outbox.published}/${r.outbox.events} events)`);
  add(`pgbench TPS (1-row INSERT, -c ${r.pgbench.clients} -j ${r.pgbench.jobs} -T ${r.pgbench.durationS})`, fmtInt(r.pgbench.tps));
  add('ratio filings/s ÷ pgbench TPS', `${r.ratio.toFixed(4)} (${(r.ratio * 100).toFixed(2)} %)`);
  add('service log lines warn / error', `api ${r.logs.api.warn} / ${r.logs.api.error}, handler ${r.logs.handler.warn} / ${r.logs.handler.error}`);
  const c = L.cpu;
  add(
    'CPU during the window',
    `machine ${c.machineBusyPercent ?? '?'} % busy; cores: api ${c.api?.cores ?? '?'} (${fmtMs(c.api?.cpuMsPerFiling)} ms/filing), ` +
      `postgres ${c.postgres?.cores ?? '?'}, handler ${c.handler?.cores ?? '?'}, kafka ${c.kafka?.cores ?? '?'}, bench ${c.bench?.cores ?? '?'}, other ${c.otherCores ?? '?'}`,
  );
  const width = Math.max(...rows.map(([l]) => l.length));
  const p = r.parameters;
  const m = r.machine;
  const lines = [
    '',
    `Grid governance bench  ${r.startedAt}  commit ${r.git.commit ?? '?'}${r.git.dirty ? ' (dirty tree)' : ''}  Node ${m.node}`,
    `machine: ${m.nproc} CPUs (${m.cpuModel}), ${(m.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB; PostgreSQL ${r.postgres.version}`,
    `parameters: concurrency ${p.concurrency}, ${p.durationS} s measured after ${p.warmupS} s warm-up, ${p.grids} grids, ` +
      `50% major (joint category, safetyRisk) / 50% small, Idempotency-Key ${p.idempotencyKey ? 'on' : 'off'}, stopped by ${L.stoppedBy}`,
    '-'.repeat(width + 40),
    ...rows.map(([l, v]) => `${l.padEnd(width)}  ${v}`),
    '-'.repeat(width + 40),
    ...r.warnings.map((w) => `WARNING: ${w}`),
    `results: ${path.relative(ROOT, r.files.result)} (and bench/results/latest.json); service logs: ${path.relative(ROOT, r.logs.api.file)}, ${path.relative(ROOT, r.logs.handler.file)}`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

// ---------------------------------------------------------------------------------------------
// Main

function serviceFigures(entry) {
  return {
    file: entry.logFile,
    warn: entry.warnLines,
    error: entry.errorLines,
    other: entry.otherLines,
    kafkaTroubleLines: entry.kafkaTrouble,
    firstKafkaTrouble: entry.firstKafkaTrouble,
    exit: entry.exited,
    stopS: entry.stopS ?? null,
    neededSigkill: entry.neededSigkill ?? false,
  };
}

async function main() {
  const options = readOptions();
  const startedAt = new Date();
  const runStamp = stamp(startedAt);
  options.jwtSecret = randomBytes(32).toString('hex');
  options.admin = { username: 'bench-admin', password: `bench-${randomBytes(12).toString('hex')}` };
  const interrupt = new AbortController();
  const onSignal = (name) => {
    if (interrupt.signal.aborted) return;
    log(`${name}: stopping the services and exiting`);
    interrupt.abort();
    stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));

  fs.mkdirSync(path.join(RESULTS_DIR, 'logs'), { recursive: true });
  for (const port of [options.apiPort, options.handlerPort]) {
    if (await portInUse(port)) fail(`port ${port} is already in use on 127.0.0.1; pick others with --api-port / --handler-port`);
  }

  await kafkaUp();
  log(`recreating database ${options.database}`);
  await recreateDatabase(options.databaseUrl, options.database);
  const postgres = await postgresInfo(options.databaseUrl, ['synchronous_commit', 'max_connections', 'shared_buffers', 'fsync']);
  await buildIfNeeded(options);

  const apiLog = path.join(RESULTS_DIR, 'logs', `${runStamp}-api.log`);
  const handlerLog = path.join(RESULTS_DIR, 'logs', `${runStamp}-dept-handler.log`);
  const pool = process.env.DB_POOL_SIZE ? { DB_POOL_SIZE: process.env.DB_POOL_SIZE } : {};
  log(`starting the api on port ${options.apiPort} (it applies the migrations)`);
  const apiProcess = startService(
    'api',
    ['dist/apps/api/src/main.js'],
    serviceEnv(options, SERVICE_CLIENT_ID, { ...SERVICE_SETTINGS, PORT: String(options.apiPort), MIGRATIONS_RUN: 'true', ...pool }),
    apiLog,
  );
  await waitReady(apiProcess, options.apiPort, 90_000);
  log(`starting one department handler on port ${options.handlerPort}`);
  const handlerProcess = startService(
    'dept-handler',
    ['dist/apps/dept-handler/src/main.js'],
    serviceEnv(options, SERVICE_CLIENT_ID, { ...SERVICE_SETTINGS, PORT: String(options.handlerPort), MIGRATIONS_RUN: 'false', ...pool }),
    handlerLog,
  );
  await waitReady(handlerProcess, options.handlerPort, 90_000);
  if (interrupt.signal.aborted) return;

  const api = httpClient(options.apiPort, options.concurrency + 4);
  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  let load;
  let delivery;
  let outbox;
  let primerS;
  let county;
  try {
    log('setting up a county over HTTP as the admin');
    county = await setUpCounty(api, options);
    log(
      `county ${county.suffix}: ${county.grids.length} grids, departments ${Object.values(county.departments).join(', ')}, ` +
        `categories ${Object.values(county.categories).join(', ')}, ${county.workers.length} grid workers`,
    );
    primerS = await primeDelivery(api, db, county);
    if (interrupt.signal.aborted) return;

    log(
      `filing at concurrency ${options.concurrency}: ${options.warmupS} s warm-up, then ${options.durationS} s measured ` +
        `(at most ${fmtInt(options.maxRequests)} filings)`,
    );
    load = await runLoad(api, county, options, interrupt.signal, { api: apiProcess.child.pid, handler: handlerProcess.child.pid });
    if (interrupt.signal.aborted) return;
    log(`load done: ${fmtInt(load.measured.okCompleted)} filings in ${load.measuredSeconds.toFixed(1)} s; ${load.jointIds.length} joint filings to check`);

    const waited = await waitForDelivery(db, load.jointIds, options.deliveryTimeoutS);
    const latency = await deliveryLatency(db, load.jointIds);
    delivery = { ...waited, undelivered: waited.total - waited.delivered, jointFilings: load.jointIds.length, latency };
    outbox = await outboxLag(db, load.measuredIds);
  } finally {
    api.close();
    await db.end().catch(() => {});
    log('stopping the services');
    await stopAll();
  }
  if (interrupt.signal.aborted) return;
  for (const [name, entry] of [['api', apiProcess], ['dept-handler', handlerProcess]]) {
    const { code, signal } = entry.exited ?? {};
    if (code !== 0 && signal !== 'SIGTERM' && code !== null) log(`note: ${name} exited with code ${code} on SIGTERM (see ${entry.logFile})`);
  }

  const pgbenchResult = await runPgbench(options);
  const resultFile = path.join(RESULTS_DIR, `bench-${runStamp}.json`);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']);
  const { jointIds, measuredIds, completionsThisSecond, inFlight, ...loadFigures } = load;
  const result = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    git: { commit: git(['rev-parse', '--short', 'HEAD']), dirty: dirty === null ? null : dirty.length > 0 },
    machine: {
      nproc: os.availableParallelism?.() ?? os.cpus().length,
      cpuModel: os.cpus()[0]?.model?.trim() ?? null,
      totalMemoryBytes: os.totalmem(),
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      node: process.version,
    },
    postgres,
    parameters: {
      concurrency: options.concurrency,
      durationS: options.durationS,
      warmupS: options.warmupS,
      maxRequests: options.maxRequests,
      grids: options.grids,
      mix: '50% major (joint category, safetyRisk, affectedPeople 12, urgency high) / 50% small (single-department category)',
      idempotencyKey: options.idempotencyKey,
      pgbenchDurationS: options.pgbenchS,
      deliveryTimeoutS: options.deliveryTimeoutS,
      database: options.database,
      kafkaBrokers: options.kafkaBrokers,
      services: { nodeEnv: 'production', outboxPollMs: 50, departmentRefreshMs: 1000, logLevel: 'warn', dbPoolSize: process.env.DB_POOL_SIZE ?? 'default' },
    },
    county: { suffix: county.suffix, grids: county.grids, departments: county.departments, categories: county.categories },
    primerDeliveryS: primerS,
    load: { ...loadFigures, jointFilings: jointIds.length },
    delivery,
    outbox,
    pgbench: pgbenchResult,
    ratio: load.filingsPerSecond / pgbenchResult.tps,
    logs: {
      api: serviceFigures(apiProcess),
      handler: serviceFigures(handlerProcess),
    },
    files: { result: resultFile },
    warnings: [],
  };
  const trouble = result.logs.api.kafkaTroubleLines + result.logs.handler.kafkaTroubleLines;
  if (trouble > 0) {
    result.warnings.push(
      `the services lost Kafka during the run (${trouble} log lines, e.g. ${JSON.stringify(result.logs.handler.firstKafkaTrouble ?? result.logs.api.firstKafkaTrouble).slice(0, 160)}); ` +
        'was the shared broker restarted (scripts/kafka.sh down/up, e.g. by a test)? The figures are not representative',
    );
  }
  if (delivery.undelivered > 0) result.warnings.push(`${delivery.undelivered} assignments were not delivered within ${options.deliveryTimeoutS} s`);
  if (load.measured.errors > 0) result.warnings.push(`${load.measured.errors} filings in the window were not answered 201`);
  if ((load.cpu.otherCores ?? 0) > 0.25) {
    result.warnings.push(
      `other processes used ${load.cpu.otherCores} of ${result.machine.nproc} cores during the window (not the services, PostgreSQL or Kafka): the figures are lower than on an idle machine`,
    );
  }
  for (const [name, f] of Object.entries(result.logs)) {
    if (f.neededSigkill) result.warnings.push(`${name} did not exit within ${STOP_GRACE_MS / 1000} s of SIGTERM and was killed`);
  }
  const json = `${JSON.stringify(result, null, 2)}\n`;
  fs.writeFileSync(resultFile, json);
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), json);
  printTable(result);
  if (load.errorSamples.length) {
    log('first error answers:');
    for (const e of load.errorSamples.slice(0, 5)) process.stdout.write(`  ${e.status}: ${e.detail}\n`);
  }
}

main()
  .then(() => stopAll())
  .catch(async (error) => {
    await stopAll();
    if (error instanceof BenchError) console.error(`bench: ERROR: ${error.message}`);
    else console.error('bench: ERROR:', error);
    process.exitCode = 1;
  });
