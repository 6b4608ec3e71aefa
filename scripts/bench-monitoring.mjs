#!/usr/bin/env node
// `npm run bench:monitoring [-- --requests N ...]` (also run by `npm run bench`, after the filing
// bench): latency of the leaders' monitoring endpoints with a large history in the read models.
//
//   1. starts Kafka (scripts/kafka.sh up; reuses a running broker, leaves it running),
//   2. recreates the database governance_bench_monitoring (refuses names without "bench"),
//   3. builds dist/ when it is missing or older than the sources,
//   4. starts the api (which applies the migrations) as a child process,
//   5. sets up a county over HTTP as the admin: 20 streets x 10 grids, 30 departments,
//      40 categories, a leader of 10 grids,
//   6. stops the api and seeds the monitoring read models (the mon_* tables the query side reads)
//      with SQL: one million requests by default over a year of filing dates, with their
//      assignments, claim and resolve times, feedback, reopenings and open overdue items; sums
//      mon_daily_figures from them as the rebuild does (mon_refresh_daily_figures); then
//      VACUUM (ANALYZE); starts the api again, its projector in a consumer group of its own that
//      starts at the end of governance.requests.v1 (the events there belong to other databases).
//      The write tables (requests, assignments, request_events) are NOT seeded with these rows:
//      the query side never reads them, and the figures are about the query side,
//   7. measures each monitoring endpoint over HTTP (warm-up not counted, then N requests
//      sequentially and N at a set concurrency, at most 60 s each), rotating over grids, streets
//      and departments,
//   8. prints p50/p95/p99/max per endpoint with PASS/FAIL against the 100 ms p95 target
//      (informational: the exit code is 0 unless something failed), stops the api and writes
//      bench/results/monitoring-<timestamp>.json and bench/results/monitoring-latest.json.
//
// Options (environment variable in brackets):
//   --requests N       requests in the read models, default 1000000 [BENCH_MON_REQUESTS]
//   --iterations N     measured requests per endpoint and mode, default 200 [BENCH_MON_ITERATIONS]
//   --warmup N         warm-up requests per endpoint, not counted, default 20 [BENCH_MON_WARMUP]
//   --concurrency N    clients of the concurrent mode, default 4 [BENCH_MON_CONCURRENCY]
//   --api-port P       default 3110 [BENCH_MON_API_PORT]
//   --time-limit S     give up (exit 1) after S seconds in all, default 1800 [BENCH_MON_TIME_LIMIT]
//   --reuse-seed       keep the database when it already holds a seed of the same size (skips 2, 5, 6)
//   --build | --skip-build always build / never build (default: build when dist is stale)
//   BENCH_MON_DATABASE_URL  default postgres://postgres@127.0.0.1:5432/governance_bench_monitoring
//                           (loopback, name must contain "bench")
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
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
  serviceEnv,
  setLogPrefix,
  sleep,
  stamp,
  startService,
  stopAll,
  stopService,
  summary,
  waitReady,
} from './bench/common.mjs';

setLogPrefix('bench-monitoring');

const REQUESTS_TOPIC = 'governance.requests.v1';
const TARGET_P95_MS = 100;
/** Per endpoint and mode: stop measuring after this long even if the iterations are not done. */
const CASE_TIME_LIMIT_MS = 60_000;
/** Bumped whenever the seed changes shape, so --reuse-seed never measures an old seed. */
const SEED_VERSION = 2;
/** Read-model tables the seed fills from the others with the database's own function. */
const DERIVED_TABLES = new Set(['mon_daily_figures']);

// County shape
const STREETS = 20;
const GRIDS_PER_STREET = 10;
const DEPARTMENTS = 30;
const CATEGORIES = 40;
const LEADER_GRIDS = 10;

// ---------------------------------------------------------------------------------------------
// Options

function readOptions() {
  const { values, int, build } = parseBenchArgs(import.meta.url, {
    requests: { type: 'string' },
    iterations: { type: 'string' },
    warmup: { type: 'string' },
    concurrency: { type: 'string' },
    'api-port': { type: 'string' },
    'time-limit': { type: 'string' },
    'reuse-seed': { type: 'boolean', default: false },
  });
  const { databaseUrl, database } = benchDatabase('BENCH_MON_DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/governance_bench_monitoring');
  return {
    requests: int('requests', 'BENCH_MON_REQUESTS', 1_000_000, 1000, 20_000_000),
    iterations: int('iterations', 'BENCH_MON_ITERATIONS', 200, 1, 100_000),
    warmup: int('warmup', 'BENCH_MON_WARMUP', 20, 0, 10_000),
    concurrency: int('concurrency', 'BENCH_MON_CONCURRENCY', 4, 1, 256),
    apiPort: int('api-port', 'BENCH_MON_API_PORT', 3110, 1, 65535),
    timeLimitS: int('time-limit', 'BENCH_MON_TIME_LIMIT', 1800, 60, 86_400),
    reuseSeed: values['reuse-seed'],
    build,
    databaseUrl,
    database,
    kafkaBrokers: '127.0.0.1:9092',
  };
}

// ---------------------------------------------------------------------------------------------
// Steps

function seconds(t0) {
  return Math.round((performance.now() - t0) / 100) / 10;
}

/**
 * The api's monitoring projector gets a consumer group of its own (MONITORING_PROJECTOR_GROUP),
 * so it never takes partitions from another api on the shared broker, and the group starts at
 * the end of governance.requests.v1: the events already there belong to other databases (the
 * projector would only skip them, but replaying tens of thousands of them would load the api
 * while it is measured).
 */
async function projectorGroupAtTopicEnd(options) {
  const kafka = new Kafka({ clientId: 'grid-governance-bench-monitoring', brokers: [options.kafkaBrokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = await admin.listTopics();
    if (!topics.includes(REQUESTS_TOPIC)) return { group: options.projectorGroup, topicMessages: 0 };
    const offsets = await admin.fetchTopicOffsets(REQUESTS_TOPIC);
    // A member that has just left may linger until its session times out (30 s).
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.resetOffsets({ groupId: options.projectorGroup, topic: REQUESTS_TOPIC, earliest: false });
        break;
      } catch (error) {
        if (attempt >= 20) {
          fail(`could not move consumer group ${options.projectorGroup} to the end of ${REQUESTS_TOPIC} (is an earlier bench api still running?): ${error.message}`);
        }
        await sleep(2000);
      }
    }
    return { group: options.projectorGroup, skippedMessages: offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0) };
  } finally {
    await admin.disconnect();
  }
}

/** The seed recorded in the database by an earlier run, or null. */
async function existingSeed(options) {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const { rows } = await client.query('SELECT info FROM bench_monitoring_seed');
    return rows[0]?.info ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// The county: reference data over HTTP (the write side's own validation and password hashing)

const pad = (n, width = 2) => String(n).padStart(width, '0');
const streetCode = (s) => `S-${pad(s)}`;
const gridCode = (s, g) => `G-${pad(s)}${pad(g)}`;
const departmentCode = (d) => `dept-${pad(d)}`;
const categoryCode = (c) => `cat-${pad(c)}`;

function countyShape() {
  const streets = Array.from({ length: STREETS }, (_, i) => streetCode(i + 1));
  const grids = [];
  for (let s = 1; s <= STREETS; s++) for (let g = 1; g <= GRIDS_PER_STREET; g++) grids.push({ code: gridCode(s, g), street: streetCode(s) });
  const departments = Array.from({ length: DEPARTMENTS }, (_, i) => departmentCode(i + 1));
  // Every fourth category is joint (a lead and one assisting department), the others have a lead
  // department only; `wrong` is where a returned assignment of the category went first.
  const categories = Array.from({ length: CATEGORIES }, (_, i) => {
    const c = i + 1;
    return {
      code: categoryCode(c),
      lead: departments[i % DEPARTMENTS],
      assisting: c % 4 === 0 ? [departments[(i + 7) % DEPARTMENTS]] : [],
      wrong: departments[(i + 11) % DEPARTMENTS],
    };
  });
  // The leader answers for the 10 grids of streets 1 and 2, alternating (G-0101, G-0201, G-0102, ...).
  const leaderGrids = [];
  for (let g = 1; leaderGrids.length < LEADER_GRIDS; g++) leaderGrids.push(gridCode(1, g), gridCode(2, g));
  return { streets, grids, departments, categories, leaderGrids: leaderGrids.slice(0, LEADER_GRIDS) };
}

async function setUpCounty(api, options, county) {
  const signIn = async (username, password) => {
    const res = await api.call('POST', '/api/v1/auth/token', { body: { username, password } });
    if (res.status !== 200) fail(`sign-in of ${username} failed: ${res.status} ${res.text.slice(0, 300)}`);
    return res.body.accessToken;
  };
  const adminToken = await signIn(options.admin.username, options.admin.password);
  const post = async (what, body) => {
    const res = await api.call('POST', `/api/v1/${what}`, { token: adminToken, body });
    if (res.status !== 201 && res.status !== 409) fail(`POST /api/v1/${what} failed: ${res.status} ${res.text.slice(0, 300)}`);
    return res.body;
  };
  if (!options.seeded) {
    for (const g of county.grids) await post('grids', { code: g.code, name: `Grid ${g.code}`, streetCode: g.street });
    for (const d of county.departments) await post('departments', { code: d, name: `Department ${d}` });
    for (const c of county.categories) {
      await post('categories', { code: c.code, name: `Category ${c.code}`, leadDepartment: c.lead, assistingDepartments: c.assisting });
    }
    await post('users', { username: options.leader.username, password: options.leader.password, role: 'leader', gridCodes: county.leaderGrids });
  }
  return { adminToken, leaderToken: await signIn(options.leader.username, options.leader.password) };
}

// ---------------------------------------------------------------------------------------------
// Seeding the read models with SQL

/** Columns of the mon_* tables, to check the seed against the migration before writing. */
async function readModelColumns(db) {
  const { rows } = await db.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default
       FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name LIKE 'mon\\_%'
      ORDER BY table_name, ordinal_position`,
  );
  const tables = {};
  for (const r of rows) (tables[r.table_name] ??= []).push(r);
  return tables;
}

async function seedReadModels(db, options, county) {
  const tables = await readModelColumns(db);
  if (Object.keys(tables).length === 0) fail('no mon_* tables after the migrations: is the monitoring read-model migration in place?');
  const steps = seedSteps(options, county, tables);
  const t0 = performance.now();
  await db.query("SET synchronous_commit = off; SET maintenance_work_mem = '256MB'; SET work_mem = '64MB'");
  for (const step of steps) {
    const t = performance.now();
    const res = await db.query(step.sql, step.params ?? []);
    log(`  ${step.label}: ${res.rowCount != null ? `${fmtInt(res.rowCount)} rows, ` : ''}${seconds(t)} s`);
  }
  // The steady state of a table that has grown over a year: autovacuum has visited it (hint
  // bits, visibility map) and its statistics are current.
  const ta = performance.now();
  for (const table of Object.keys(tables)) await db.query(`VACUUM (ANALYZE) ${table}`);
  await db.query('ANALYZE');
  log(`  VACUUM (ANALYZE) of the read models, ANALYZE: ${seconds(ta)} s`);
  const counts = {};
  for (const table of Object.keys(tables)) {
    const { rows } = await db.query(`SELECT count(*)::bigint AS n FROM ${table}`);
    counts[table] = Number(rows[0].n);
  }
  const sizes = await db.query(
    `SELECT relname, pg_total_relation_size(oid) AS bytes FROM pg_class WHERE relkind = 'r' AND relname LIKE 'mon\\_%' ORDER BY relname`,
  );
  const info = {
    version: SEED_VERSION,
    requests: options.requests,
    rows: counts,
    bytes: Object.fromEntries(sizes.rows.map((r) => [r.relname, Number(r.bytes)])),
    seededAt: new Date().toISOString(),
    seconds: seconds(t0),
  };
  await db.query('CREATE TABLE IF NOT EXISTS bench_monitoring_seed (info jsonb NOT NULL)');
  await db.query('DELETE FROM bench_monitoring_seed');
  await db.query('INSERT INTO bench_monitoring_seed (info) VALUES ($1)', [info]);
  return info;
}

// The seed, as SQL steps. Deterministic (setseed), so two runs of one size hold the same rows.
// Per request: a grid (some grids much busier than others), a category (some much commoner),
// a filing time uniform over the last 365 days, the route (joint for the joint categories and
// for 15% of the others: safety, mass impact, critical urgency, clusters), an urgency, a
// resolution time drawn from an exponential (grid mean 40 h, joint 120 h, critical x0.3) so
// ~5% finish after their deadline, 1% stuck open (the overdue list), citizen feedback on 75% of
// resolved requests (88% resolved, 85% satisfied), 4% reopened. Joint requests get a lead
// assignment, an assisting one for joint categories, and 3% a returned assignment first;
// claims take an exponential time (mean 3 h, 0.3 h when critical) against an 8 h (1 h) claim
// deadline.
const SEED_CHUNK = 250_000;

function seedSteps(options, county, tables) {
  const requestColumns = [
    'request_id', 'tracking_no', 'title', 'grid_code', 'street_code', 'category_code', 'route', 'status', 'urgency',
    'filed_at', 'due_at', 'resolved_at', 'closed_at', 'feedback_at', 'reopen_count', 'citizen_resolved', 'citizen_satisfied',
    'resolve_working_minutes', 'resolved_on_time', 'last_sequence', 'updated_at',
  ];
  const assignmentColumns = [
    'assignment_id', 'request_id', 'grid_code', 'street_code', 'department_code', 'role', 'status', 'created_at',
    'claim_due_at', 'due_at', 'claimed_at', 'resolved_at', 'claim_working_minutes', 'claimed_on_time',
    'resolve_working_minutes', 'resolved_on_time', 'returned', 'return_count', 'rerouted_to', 'reopen_count', 'updated_at',
  ];
  // The seed must fill every column the projector must fill; anything else is left to its default.
  const expected = { mon_requests: requestColumns, mon_assignments: assignmentColumns };
  for (const [table, columns] of Object.entries(expected)) {
    if (!tables[table]) fail(`the migration has no table ${table}; the seed of scripts/bench-monitoring.mjs must follow the migration`);
    const missing = columns.filter((c) => !tables[table].some((t) => t.column_name === c));
    if (missing.length) fail(`${table} has no column(s) ${missing.join(', ')}; update the seed to the migration`);
    const unfilled = tables[table].filter((t) => t.is_nullable === 'NO' && t.column_default === null && !columns.includes(t.column_name));
    if (unfilled.length) fail(`${table} has NOT NULL column(s) the seed does not fill: ${unfilled.map((t) => t.column_name).join(', ')}`);
  }
  const others = Object.keys(tables).filter((t) => !expected[t] && !DERIVED_TABLES.has(t));
  if (others.length) log(`note: read-model table(s) ${others.join(', ')} are not seeded`);

  const grids = county.grids;
  const steps = [];
  steps.push({
    label: 'staging tables',
    sql: `
      DROP TABLE IF EXISTS bench_grids, bench_categories, bench_seed;
      CREATE UNLOGGED TABLE bench_grids (idx int PRIMARY KEY, code text NOT NULL, street text NOT NULL);
      CREATE UNLOGGED TABLE bench_categories (idx int PRIMARY KEY, code text NOT NULL, lead text NOT NULL, assist text, wrong text NOT NULL);
      CREATE UNLOGGED TABLE bench_seed (
        i int NOT NULL, request_id uuid NOT NULL, grid_code text NOT NULL, street_code text NOT NULL,
        category_code text NOT NULL, lead_dept text NOT NULL, assist_dept text, wrong_dept text NOT NULL,
        route text NOT NULL, urgency text NOT NULL, stuck boolean NOT NULL, returned boolean NOT NULL,
        filed_at timestamptz NOT NULL, due_at timestamptz NOT NULL, resolved_at timestamptz,
        feedback_at timestamptz, citizen_resolved boolean, citizen_satisfied boolean, reopen_count int NOT NULL,
        in_progress boolean NOT NULL, lead_claim interval NOT NULL, assist_claim interval NOT NULL, claim_window interval NOT NULL)`,
  });
  steps.push({
    label: 'county index tables',
    sql: `
      INSERT INTO bench_grids (idx, code, street) SELECT n - 1, code, street FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(code, street, n)`,
    params: [grids.map((g) => g.code), grids.map((g) => g.street)],
  });
  steps.push({
    label: 'category index table',
    sql: `INSERT INTO bench_categories (idx, code, lead, assist, wrong)
          SELECT n - 1, code, lead, NULLIF(assist, ''), wrong FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(code, lead, assist, wrong, n)`,
    params: [county.categories.map((c) => c.code), county.categories.map((c) => c.lead), county.categories.map((c) => c.assisting[0] ?? ''), county.categories.map((c) => c.wrong)],
  });
  // Drop the secondary indexes while loading, and build them again afterwards from their own definitions.
  steps.push({
    label: 'drop the read models\' secondary indexes for the load',
    sql: `
      DROP TABLE IF EXISTS bench_saved_indexes;
      CREATE TABLE bench_saved_indexes AS
        SELECT i.indexname, i.indexdef FROM pg_indexes i
         WHERE i.schemaname = 'public' AND i.tablename IN ('mon_requests', 'mon_assignments')
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname);
      DO $$ DECLARE r record; BEGIN
        FOR r IN SELECT indexname FROM bench_saved_indexes LOOP EXECUTE format('DROP INDEX %I', r.indexname); END LOOP;
      END $$`,
  });
  steps.push({ label: 'random seed', sql: 'SELECT setseed(0.4242)' });
  for (let lo = 1; lo <= options.requests; lo += SEED_CHUNK) {
    const hi = Math.min(options.requests, lo + SEED_CHUNK - 1);
    steps.push({
      label: `requests ${fmtInt(lo)}-${fmtInt(hi)} staged`,
      params: [lo, hi, grids.length, county.categories.length],
      sql: `
        WITH u AS (
          SELECT i, random() AS ug, random() AS uc, random() AS ut, random() AS uroute, random() AS uurg, random() AS ustuck,
                 random() AS ures, random() AS ufb, random() AS ufbt, random() AS ufbr, random() AS ufbs, random() AS ureopen,
                 random() AS uret, random() AS uprog, random() AS ucl1, random() AS ucl2
            FROM generate_series($1::int, $2::int) AS i
        ), d AS (
          SELECT u.*, g.code AS grid_code, g.street AS street_code, c.code AS category_code, c.lead, c.assist, c.wrong,
                 date_trunc('second', now() - u.ut * interval '365 days') AS filed_at,
                 CASE WHEN c.assist IS NOT NULL OR u.uroute < 0.15 THEN 'joint' ELSE 'grid' END AS route,
                 CASE WHEN u.uurg < 0.05 THEN 'critical' WHEN u.uurg < 0.20 THEN 'high' WHEN u.uurg < 0.85 THEN 'normal' ELSE 'low' END AS urgency
            FROM u
            JOIN bench_grids g ON g.idx = (floor($3::int * power(u.ug, 1.2))::int * 37) % $3::int
            JOIN bench_categories c ON c.idx = least($4::int - 1, floor($4::int * power(u.uc, 1.5))::int)
        ), e AS (
          SELECT d.*,
                 d.filed_at + CASE WHEN d.urgency = 'critical' THEN interval '24 hours' WHEN d.route = 'grid' THEN interval '5 days' ELSE interval '14 days' END AS due_at,
                 d.filed_at + (-ln(1 - d.ures) * CASE WHEN d.route = 'grid' THEN 40 ELSE 120 END * CASE WHEN d.urgency = 'critical' THEN 0.3 ELSE 1 END) * interval '1 hour' AS done_at,
                 d.ustuck < 0.01 AS stuck
            FROM d
        ), f AS (
          SELECT e.*, CASE WHEN e.stuck OR e.done_at > now() THEN NULL ELSE date_trunc('second', e.done_at) END AS resolved_at FROM e
        )
        INSERT INTO bench_seed
        SELECT f.i, md5('bench-request-' || f.i)::uuid, f.grid_code, f.street_code, f.category_code, f.lead,
               CASE WHEN f.route = 'joint' THEN f.assist END, f.wrong, f.route, f.urgency, f.stuck,
               f.route = 'joint' AND f.uret < 0.03,
               f.filed_at, f.due_at, f.resolved_at,
               CASE WHEN f.resolved_at IS NOT NULL AND f.ufb < 0.75 AND f.resolved_at + f.ufbt * interval '72 hours' < now()
                    THEN date_trunc('second', f.resolved_at + f.ufbt * interval '72 hours') END,
               CASE WHEN f.resolved_at IS NOT NULL AND f.ufb < 0.75 THEN f.ufbr < 0.88 END,
               CASE WHEN f.resolved_at IS NOT NULL AND f.ufb < 0.75 THEN f.ufbs < CASE WHEN f.ufbr < 0.88 THEN 0.85 ELSE 0.15 END END,
               CASE WHEN f.ureopen < 0.005 THEN 2 WHEN f.ureopen < 0.04 THEN 1 ELSE 0 END,
               f.uprog < 0.6,
               (-ln(1 - f.ucl1) * CASE WHEN f.urgency = 'critical' THEN 0.3 ELSE 3 END) * interval '1 hour',
               (-ln(1 - f.ucl2) * CASE WHEN f.urgency = 'critical' THEN 0.3 ELSE 3 END) * interval '1 hour',
               CASE WHEN f.urgency = 'critical' THEN interval '1 hour' ELSE interval '8 hours' END
          FROM f`,
    });
  }
  // Feedback that has not happened yet is dropped with its verdict.
  steps.push({ label: 'feedback in the future dropped', sql: 'UPDATE bench_seed SET citizen_resolved = NULL, citizen_satisfied = NULL WHERE feedback_at IS NULL AND citizen_resolved IS NOT NULL' });
  steps.push({
    label: 'mon_requests',
    sql: `
      INSERT INTO mon_requests (${requestColumns.join(', ')})
      SELECT s.request_id, 'B' || lpad(s.i::text, 10, '0'), 'Bench request ' || s.i || ' (' || s.category_code || ')',
             s.grid_code, s.street_code, s.category_code, s.route,
             CASE WHEN s.feedback_at IS NOT NULL THEN 'closed' WHEN s.resolved_at IS NOT NULL THEN 'resolved'
                  WHEN s.in_progress OR s.route = 'joint' AND s.filed_at + s.lead_claim < now() THEN 'in_progress' ELSE 'open' END,
             s.urgency, s.filed_at, s.due_at, s.resolved_at, s.feedback_at, s.feedback_at, s.reopen_count,
             s.citizen_resolved, s.citizen_satisfied,
             CASE WHEN s.resolved_at IS NOT NULL THEN round(extract(epoch FROM s.resolved_at - s.filed_at) / 60 * 0.21)::int END,
             CASE WHEN s.resolved_at IS NOT NULL THEN s.resolved_at <= s.due_at END,
             2 + CASE WHEN s.route = 'joint' THEN 3 ELSE 0 END + CASE WHEN s.resolved_at IS NOT NULL THEN 1 ELSE 0 END
               + CASE WHEN s.feedback_at IS NOT NULL THEN 1 ELSE 0 END + 2 * s.reopen_count,
             coalesce(s.feedback_at, s.resolved_at, s.filed_at)
        FROM bench_seed s
       ORDER BY s.filed_at`,
  });
  // Lead and assisting assignments; claims that would lie in the future, or of 30% of the stuck requests, are not made.
  const assignmentSelect = (role, dept, claim, resolveLead, idPrefix) => `
      SELECT md5('${idPrefix}-' || s.i)::uuid, s.request_id, s.grid_code, s.street_code, ${dept}, '${role}',
             CASE WHEN s.resolved_at IS NOT NULL THEN 'resolved' WHEN x.claimed_at IS NOT NULL THEN 'claimed' ELSE 'unclaimed' END,
             x.created_at, x.created_at + s.claim_window, s.due_at, x.claimed_at,
             CASE WHEN s.resolved_at IS NOT NULL THEN greatest(x.claimed_at, s.resolved_at - ${resolveLead}) END,
             CASE WHEN x.claimed_at IS NOT NULL THEN round(extract(epoch FROM x.claimed_at - x.created_at) / 60 * 0.5)::int END,
             CASE WHEN x.claimed_at IS NOT NULL THEN x.claimed_at <= x.created_at + s.claim_window END,
             CASE WHEN s.resolved_at IS NOT NULL THEN round(extract(epoch FROM greatest(x.claimed_at, s.resolved_at - ${resolveLead}) - x.created_at) / 60 * 0.21)::int END,
             CASE WHEN s.resolved_at IS NOT NULL THEN greatest(x.claimed_at, s.resolved_at - ${resolveLead}) <= s.due_at END,
             false, 0, NULL::uuid, ${role === 'lead' ? 's.reopen_count' : '0'},
             coalesce(s.resolved_at, x.claimed_at, x.created_at)
        FROM bench_seed s
        CROSS JOIN LATERAL (
          SELECT s.filed_at + interval '30 seconds' AS created_at,
                 CASE WHEN s.resolved_at IS NOT NULL THEN least(s.resolved_at, date_trunc('second', s.filed_at + interval '30 seconds' + ${claim}))
                      WHEN (s.stuck AND s.i % 10 < 3) OR s.filed_at + interval '30 seconds' + ${claim} > now() THEN NULL
                      ELSE date_trunc('second', s.filed_at + interval '30 seconds' + ${claim}) END AS claimed_at
        ) x`;
  steps.push({
    label: 'mon_assignments (lead and assisting, in filing order)',
    sql: `
      INSERT INTO mon_assignments (${assignmentColumns.join(', ')})
      SELECT * FROM (
        ${assignmentSelect('lead', 's.lead_dept', 's.lead_claim', "interval '10 minutes'", 'bench-lead')} WHERE s.route = 'joint'
        UNION ALL
        ${assignmentSelect('assist', 's.assist_dept', 's.assist_claim', "interval '2 hours'", 'bench-assist')} WHERE s.assist_dept IS NOT NULL
      ) a ORDER BY 8`,
  });
  steps.push({
    label: 'mon_assignments (returned, then rerouted to the lead)',
    sql: `
      INSERT INTO mon_assignments (${assignmentColumns.join(', ')})
      SELECT md5('bench-returned-' || s.i)::uuid, s.request_id, s.grid_code, s.street_code, s.wrong_dept, 'lead', 'returned',
             s.filed_at + interval '10 seconds', s.filed_at + interval '10 seconds' + s.claim_window, s.due_at,
             NULL, NULL, NULL, NULL, NULL, NULL, true, 1, md5('bench-lead-' || s.i)::uuid, 0, s.filed_at + interval '20 seconds'
        FROM bench_seed s WHERE s.returned`,
  });
  steps.push({
    label: 'secondary indexes rebuilt',
    sql: `
      SET max_parallel_maintenance_workers = 2;
      DO $$ DECLARE r record; BEGIN
        FOR r IN SELECT indexdef FROM bench_saved_indexes LOOP EXECUTE r.indexdef; END LOOP;
      END $$;
      DROP TABLE bench_saved_indexes`,
  });
  steps.push({ label: 'staging tables dropped', sql: 'DROP TABLE bench_seed, bench_grids, bench_categories' });
  // Derived from the rows above exactly as the rebuild derives it.
  steps.push({ label: 'mon_daily_figures summed from the rows (mon_refresh_daily_figures)', sql: 'SELECT mon_refresh_daily_figures()' });
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Measuring

/** The county date (UTC+8, YYYY-MM-DD) of an instant, as the monitoring endpoints take from/to. */
function countyDay(date) {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The endpoint cases: each makes the path of its i-th request, rotating over codes. */
function cases(county, tokens) {
  const now = new Date();
  // 365 county days up to today (the endpoints take at most 366).
  const year = `from=${countyDay(new Date(now.getTime() - 364 * 86_400_000))}&to=${countyDay(now)}`;
  const at = (list, i) => list[i % list.length];
  const base = '/api/v1/monitoring';
  return [
    { name: 'grid (30 days)', who: 'admin', token: tokens.adminToken, path: (i) => `${base}/grids/${at(county.grids, i * 7).code}` },
    { name: 'grid (1 year)', who: 'admin', token: tokens.adminToken, path: (i) => `${base}/grids/${at(county.grids, i * 7).code}?${year}` },
    { name: 'grid (30 days)', who: 'leader', token: tokens.leaderToken, path: (i) => `${base}/grids/${at(county.leaderGrids, i)}` },
    { name: 'street (30 days)', who: 'admin', token: tokens.adminToken, path: (i) => `${base}/streets/${at(county.streets, i)}` },
    { name: 'street (1 year)', who: 'admin', token: tokens.adminToken, path: (i) => `${base}/streets/${at(county.streets, i)}?${year}` },
    { name: 'department (30 days)', who: 'admin', token: tokens.adminToken, path: (i) => `${base}/departments/${at(county.departments, i)}` },
    { name: 'department (1 year)', who: 'admin', token: tokens.adminToken, path: (i) => `${base}/departments/${at(county.departments, i)}?${year}` },
    { name: 'me (30 days, 10 grids)', who: 'leader', token: tokens.leaderToken, path: () => `${base}/me` },
    { name: 'me (1 year, 10 grids)', who: 'leader', token: tokens.leaderToken, path: () => `${base}/me?${year}` },
    { name: 'overdue', who: 'admin', token: tokens.adminToken, path: () => `${base}/overdue` },
    { name: 'overdue', who: 'leader', token: tokens.leaderToken, path: () => `${base}/overdue` },
    {
      name: 'export.csv grid (30 days)',
      who: 'admin',
      token: tokens.adminToken,
      path: (i) => `${base}/export.csv?scope=grid&code=${at(county.grids, i * 7).code}`,
      informational: true,
    },
    {
      name: 'export.csv department (30 days)',
      who: 'admin',
      token: tokens.adminToken,
      path: (i) => `${base}/export.csv?scope=department&code=${at(county.departments, i)}`,
      informational: true,
    },
    {
      name: 'export.csv department (1 year)',
      who: 'admin',
      token: tokens.adminToken,
      path: (i) => `${base}/export.csv?scope=department&code=${at(county.departments, i)}&${year}`,
      informational: true,
    },
  ];
}

async function measureCase(api, c, options, signal) {
  // Check the answer once, so a 404 or 500 is an error and not a fast figure.
  const probe = await api.call('GET', c.path(0), { token: c.token });
  if (probe.status !== 200) {
    return { error: `${probe.status} ${probe.text.slice(0, 300)}`, probePath: c.path(0) };
  }
  const statusCounts = {};
  let errorSample = null;
  let bytes = 0;
  const one = async (i, hist) => {
    const t0 = performance.now();
    let res;
    try {
      res = await api.call('GET', c.path(i), { token: c.token });
    } catch (error) {
      statusCounts.network = (statusCounts.network ?? 0) + 1;
      errorSample ??= error.message;
      return;
    }
    const us = Math.max(1, Math.round((performance.now() - t0) * 1000));
    statusCounts[res.status] = (statusCounts[res.status] ?? 0) + 1;
    if (res.status !== 200) {
      errorSample ??= `${res.status} ${res.text.slice(0, 300)}`;
      return;
    }
    bytes = Math.max(bytes, res.bytes);
    hist?.recordValue(us);
  };
  for (let i = 0; i < options.warmup && !signal.aborted; i++) await one(i + 1000, null);

  const run = async (concurrency) => {
    const hist = newHistogram();
    const started = performance.now();
    let next = 0;
    let timedOut = false;
    const worker = async () => {
      while (next < options.iterations && !signal.aborted) {
        if (performance.now() - started > CASE_TIME_LIMIT_MS) {
          timedOut = true;
          return;
        }
        await one(next++, hist);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = (performance.now() - started) / 1000;
    return { ...summary(hist), concurrency, seconds: Math.round(elapsed * 10) / 10, perSecond: Math.round((hist.totalCount / elapsed) * 10) / 10, timedOut };
  };
  const sequential = await run(1);
  const concurrent = await run(options.concurrency);
  return { samplePath: c.path(0), responseBytes: bytes, statusCounts, errorSample, sequential, concurrent };
}

// ---------------------------------------------------------------------------------------------
// Report

function printTable(r) {
  const head = ['endpoint', 'as', 'seq p50', 'p95', 'p99', 'max', `c=${r.parameters.concurrency} p50`, 'p95', 'p99', 'max', 'req/s', 'p95<100 seq', `c=${r.parameters.concurrency}`];
  const rows = r.endpoints.map((e) => {
    if (e.error) return [e.name, e.who, 'ERROR', e.error.slice(0, 80)];
    const s = e.sequential;
    const c = e.concurrent;
    const verdict = (p95) => (e.informational ? 'info' : p95 !== null && p95 < TARGET_P95_MS ? 'PASS' : 'FAIL');
    return [e.name, e.who, fmtMs(s.p50Ms), fmtMs(s.p95Ms), fmtMs(s.p99Ms), fmtMs(s.maxMs), fmtMs(c.p50Ms), fmtMs(c.p95Ms), fmtMs(c.p99Ms), fmtMs(c.maxMs), String(c.perSecond), verdict(s.p95Ms), verdict(c.p95Ms)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells) => cells.map((cell, i) => (i < 2 ? (cell ?? '').padEnd(widths[i]) : (cell ?? '').padStart(widths[i]))).join('  ');
  const m = r.machine;
  const s = r.seed;
  const out = [
    '',
    `Monitoring bench  ${r.startedAt}  commit ${r.git.commit ?? '?'}${r.git.dirty ? ' (dirty tree)' : ''}  Node ${m.node}`,
    `machine: ${m.nproc} CPUs (${m.cpuModel}), ${(m.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB; PostgreSQL ${r.postgres.version}`,
    `read models: ${fmtInt(s.requests)} requests over a year (${Object.entries(s.rows)
      .map(([t, n]) => `${t} ${fmtInt(n)}`)
      .join(', ')}); seeded in ${s.reused ? `an earlier run (${s.seededAt}, ${s.seconds} s)` : `${s.seconds} s`}; ` +
      'write tables hold only the reference data',
    `${r.parameters.warmup} warm-up + ${r.parameters.iterations} measured requests per endpoint, sequential then at concurrency ${r.parameters.concurrency}; times in ms over HTTP on loopback`,
    '-'.repeat(widths.reduce((a, b) => a + b + 2, 0)),
    line(head),
    ...rows.map(line),
    '-'.repeat(widths.reduce((a, b) => a + b + 2, 0)),
    `verdict: p95 against ${TARGET_P95_MS} ms, sequential and at concurrency ${r.parameters.concurrency} (on ${m.nproc} CPUs shared by the api, PostgreSQL and this script); ` +
      `endpoints passing both: ${r.summary.pass}, failing one or both: ${r.summary.fail}, errors: ${r.summary.errors} (informational: exit code 0 unless a step failed)`,
    ...r.warnings.map((w) => `WARNING: ${w}`),
    `results: ${path.relative(ROOT, r.files.result)} (and bench/results/monitoring-latest.json); api log: ${path.relative(ROOT, r.logs.api.file)}`,
    '',
  ];
  process.stdout.write(out.join('\n'));
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const options = readOptions();
  const startedAt = new Date();
  const runStamp = stamp(startedAt);
  options.jwtSecret = randomBytes(32).toString('hex');
  // Fixed accounts: the database may be reused (--reuse-seed), and it is a loopback bench database.
  options.admin = { username: 'bench-admin', password: 'bench-monitoring-admin-password' };
  options.leader = { username: 'bench-leader', password: 'bench-monitoring-leader-password' };
  const interrupt = new AbortController();
  const onSignal = (name) => {
    if (interrupt.signal.aborted) return;
    log(`${name}: stopping the api and exiting`);
    interrupt.abort();
    stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  const watchdog = setTimeout(() => {
    console.error(`bench-monitoring: ERROR: still running after --time-limit ${options.timeLimitS} s; stopping`);
    interrupt.abort();
    stopAll().finally(() => process.exit(1));
  }, options.timeLimitS * 1000);
  watchdog.unref();

  fs.mkdirSync(path.join(RESULTS_DIR, 'logs'), { recursive: true });
  if (await portInUse(options.apiPort)) fail(`port ${options.apiPort} is already in use on 127.0.0.1; pick another with --api-port`);
  const postgres = await postgresInfo(options.databaseUrl, [
    'shared_buffers',
    'work_mem',
    'effective_cache_size',
    'max_parallel_workers_per_gather',
    'random_page_cost',
    'jit',
  ]);
  await kafkaUp();
  options.projectorGroup = `${options.database}-projector`;

  const previous = options.reuseSeed ? await existingSeed(options) : null;
  options.seeded = Boolean(previous && previous.version === SEED_VERSION && previous.requests === options.requests);
  if (options.reuseSeed && !options.seeded) log('--reuse-seed: no seed of this size in the database; seeding afresh');
  if (!options.seeded) {
    log(`recreating database ${options.database}`);
    await recreateDatabase(options.databaseUrl, options.database);
  } else {
    log(`reusing the seed of ${previous.seededAt} (${fmtInt(previous.requests)} requests)`);
  }
  await buildIfNeeded(options);

  const county = countyShape();
  const startApi = async (phase) => {
    const projector = await projectorGroupAtTopicEnd(options);
    log(`projector group ${projector.group} starts at the end of ${REQUESTS_TOPIC} (skips ${fmtInt(projector.skippedMessages ?? 0)} messages of other databases)`);
    const logFile = path.join(RESULTS_DIR, 'logs', `${runStamp}-monitoring-api${phase === 'setup' ? '-setup' : ''}.log`);
    log(`starting the api on port ${options.apiPort} for the ${phase} (it applies the migrations)`);
    const t0 = performance.now();
    const entry = startService('api', ['dist/apps/api/src/main.js'], serviceEnv(options, 'grid-governance-bench-monitoring', {
        MONITORING_PROJECTOR_GROUP: options.projectorGroup,
        PORT: String(options.apiPort),
        MIGRATIONS_RUN: 'true',
      }), logFile);
    await waitReady(entry, options.apiPort, 120_000);
    log(`api ready after ${seconds(t0)} s`);
    return { entry, projector, logFile };
  };

  let seed;
  if (options.seeded) seed = { ...previous, reused: true };
  else {
    // The api migrates and takes the reference data; it is stopped while the read models are
    // seeded, so its projector holds no locks on them meanwhile.
    const setup = await startApi('setup');
    if (interrupt.signal.aborted) return;
    const client = httpClient(options.apiPort, 2);
    try {
      const t1 = performance.now();
      log(
        `setting up the county over HTTP: ${county.grids.length} grids in ${county.streets.length} streets, ` +
          `${county.departments.length} departments, ${county.categories.length} categories, a leader of ${county.leaderGrids.length} grids`,
      );
      await setUpCounty(client, options, county);
      log(`county set up in ${seconds(t1)} s; stopping the api while seeding`);
    } finally {
      client.close();
      await stopService(setup.entry);
    }
    if (interrupt.signal.aborted) return;
    const db = new pg.Client({ connectionString: options.databaseUrl, statement_timeout: options.timeLimitS * 1000 });
    await db.connect();
    try {
      log(`seeding the read models with ${fmtInt(options.requests)} requests (SQL; the write tables are not seeded)`);
      seed = { ...(await seedReadModels(db, options, county)), reused: false };
      log(`seeded in ${seed.seconds} s`);
    } finally {
      await db.end().catch(() => {});
    }
    options.seeded = true;
  }
  if (interrupt.signal.aborted) return;

  const { entry: apiProcess, projector, logFile: apiLog } = await startApi('measurements');
  if (interrupt.signal.aborted) return;
  const api = httpClient(options.apiPort, options.concurrency + 2);
  let loadBefore = null;
  const endpoints = [];
  try {
    const tokens = await setUpCounty(api, options, county);
    loadBefore = Math.round(os.loadavg()[0] * 100) / 100;
    log(`measuring (load average ${loadBefore} on ${os.availableParallelism?.() ?? os.cpus().length} CPUs)`);
    for (const c of cases(county, tokens)) {
      if (interrupt.signal.aborted) return;
      const tc = performance.now();
      const result = await measureCase(api, c, options, interrupt.signal);
      const worst = result.error ? null : Math.max(result.sequential.p95Ms ?? 0, result.concurrent.p95Ms ?? 0);
      const entry = { name: c.name, who: c.who, informational: Boolean(c.informational), ...result, worstP95Ms: worst, pass: worst !== null && worst < TARGET_P95_MS };
      endpoints.push(entry);
      log(
        result.error
          ? `  ${c.name} as ${c.who}: ERROR ${result.error.slice(0, 200)}`
          : `  ${c.name} as ${c.who}: p95 ${fmtMs(result.sequential.p95Ms)} ms sequential, ${fmtMs(result.concurrent.p95Ms)} ms at concurrency ${options.concurrency} (${seconds(tc)} s)`,
      );
    }
  } finally {
    api.close();
    log('stopping the api');
    await stopAll();
  }
  if (interrupt.signal.aborted) return;

  const resultFile = path.join(RESULTS_DIR, `monitoring-${runStamp}.json`);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']);
  const measured = endpoints.filter((e) => !e.informational);
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
      loadAverage1mBeforeMeasuring: loadBefore,
      loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100,
    },
    postgres,
    parameters: {
      requests: options.requests,
      iterations: options.iterations,
      warmup: options.warmup,
      concurrency: options.concurrency,
      targetP95Ms: TARGET_P95_MS,
      database: options.database,
      county: { streets: STREETS, gridsPerStreet: GRIDS_PER_STREET, departments: DEPARTMENTS, categories: CATEGORIES, leaderGrids: county.leaderGrids },
      defaultPeriod: 'the endpoint default (30 days)',
      writeTablesSeeded: false,
      projector,
    },
    seed,
    endpoints,
    summary: {
      pass: measured.filter((e) => e.pass).length,
      fail: measured.filter((e) => !e.error && !e.pass).length,
      errors: endpoints.filter((e) => e.error).length,
    },
    logs: {
      api: { file: apiLog, warn: apiProcess.warnLines, error: apiProcess.errorLines, foreignEventsSkipped: apiProcess.foreignEvents, kafkaTroubleLines: apiProcess.kafkaTrouble, exit: apiProcess.exited },
    },
    files: { result: resultFile },
    warnings: [],
  };
  if (apiProcess.kafkaTrouble > 0) {
    result.warnings.push(
      `the api lost the shared Kafka broker during the measurements (${apiProcess.kafkaTrouble} log lines; was it restarted, e.g. by a test?): its reconnecting loaded the machine`,
    );
  }
  if (apiProcess.foreignEvents > 0) {
    result.warnings.push(
      `the api's projector skipped ${fmtInt(apiProcess.foreignEvents)} events of other databases that arrived on the shared broker during the run (something else was filing): extra load while measuring`,
    );
  }
  if (Math.max(result.machine.loadAverage1m, loadBefore ?? 0) > result.machine.nproc) {
    result.warnings.push(`load average ${loadBefore} before measuring, ${result.machine.loadAverage1m} after, exceeds the ${result.machine.nproc} CPUs: other work was running, figures are pessimistic`);
  }
  for (const e of endpoints) {
    if (e.sequential?.timedOut || e.concurrent?.timedOut) result.warnings.push(`${e.name} as ${e.who}: stopped after ${CASE_TIME_LIMIT_MS / 1000} s before all iterations`);
    const non200 = Object.entries(e.statusCounts ?? {}).filter(([k]) => k !== '200');
    if (non200.length) result.warnings.push(`${e.name} as ${e.who}: non-200 answers ${JSON.stringify(Object.fromEntries(non200))}, e.g. ${e.errorSample}`);
  }
  const json = `${JSON.stringify(result, null, 2)}\n`;
  fs.writeFileSync(resultFile, json);
  fs.writeFileSync(path.join(RESULTS_DIR, 'monitoring-latest.json'), json);
  printTable(result);
  if (result.summary.errors > 0) process.exitCode = 1;
}

// For a quick check of the seed SQL from another script; `node scripts/bench-monitoring.mjs` runs main.
export { countyShape, seedReadModels };

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main()
    .then(() => stopAll())
    .catch(async (error) => {
      await stopAll();
      if (error instanceof BenchError) console.error(`bench-monitoring: ERROR: ${error.message}`);
      else console.error('bench-monitoring: ERROR:', error);
      process.exitCode = 1;
    });
}
