#!/usr/bin/env node
// `npm test`: makes sure PostgreSQL and the local Kafka broker are up (and Chromium for the browser
// tier), runs the test tiers (unit, web, http, embedded, integration, fuzz, browser) and ends with one line
// "N passed, N failed". The embedded tier needs neither: it runs what `npm start` runs.
// `npm run fuzz` runs the fuzz tier alone with 10,000 cases (FUZZ_CASES, FUZZ_SEED).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, '.test-results');
const tiers = [
  { name: 'unit', config: 'test/jest.unit.config.js', needsServices: false },
  // The web app's component and logic tests (vitest + @vue/test-utils, no server).
  { name: 'web', vitest: 'apps/web/vite.config.mts', needsServices: false },
  { name: 'http', config: 'test/jest.http.config.js', needsServices: true },
  { name: 'embedded', config: 'test/jest.embedded.config.js', needsServices: false },
  { name: 'integration', config: 'test/jest.integration.config.js', needsServices: true },
  { name: 'fuzz', config: 'test/jest.fuzz.config.js', needsServices: true },
  { name: 'browser', config: 'test/jest.browser.config.js', needsServices: true, needsChromium: true },
];
const CHROMIUM = '/usr/bin/chromium';
const only = process.argv.slice(2);
const selected = only.length ? tiers.filter((t) => only.includes(t.name)) : tiers;

function postgresIsUp() {
  return spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']).status === 0;
}

function ensurePostgres() {
  if (postgresIsUp()) return;
  console.log('PostgreSQL is not answering on 127.0.0.1:5432; trying to start the local cluster');
  try {
    const version = execFileSync('ls', ['/etc/postgresql']).toString().trim().split('\n')[0];
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
  } catch (error) {
    console.error(`Could not start PostgreSQL: ${error.message}`);
  }
  if (!postgresIsUp()) {
    console.error('PostgreSQL is needed on 127.0.0.1:5432 (or set TEST_DATABASE_URL).');
    process.exit(1);
  }
}

/** The browser tier drives Debian's Chromium; installed with apt-get when missing and we may. */
function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    console.error(`The browser tests need Chromium at ${CHROMIUM}: run "sudo apt-get install -y chromium" (Debian), then npm test again.`);
    process.exit(1);
  }
  console.log(`Chromium is not at ${CHROMIUM}; installing Debian's chromium with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env }) : update;
  if (install.status !== 0 || !existsSync(CHROMIUM)) {
    console.error(`Could not install Chromium at ${CHROMIUM} (apt-get failed); the browser tests need it.`);
    process.exit(1);
  }
}

if (selected.some((t) => t.needsChromium)) ensureChromium();

if (selected.some((t) => t.needsServices)) {
  if (!process.env.TEST_DATABASE_URL) ensurePostgres();
  if (!process.env.KAFKA_BROKERS) execFileSync('bash', [join(root, 'scripts/kafka.sh'), 'up'], { stdio: 'inherit' });
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
let passed = 0;
let failed = 0;
let broken = false;

function run(command, args, { env = process.env, log } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (log) {
      child.stdout.pipe(log, { end: false });
      child.stderr.pipe(log, { end: false });
    }
    child.once('exit', (code) => resolve(code));
  });
}

/** One tier's jest (or vitest) run; its JSON report is what counts. */
async function runTier(tier, { env = process.env, log } = {}) {
  const output = join(resultsDir, `${tier.name}.json`);
  const status = await run(
    'npx',
    tier.vitest
      ? // vitest's JSON report has jest's shape.
        ['vitest', 'run', '--config', tier.vitest, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`]
      : // --forceExit: kafkajs can keep a socket open for a while after the last test has closed its apps.
        ['jest', '-c', tier.config, '--runInBand', '--forceExit', '--json', `--outputFile=${output}`],
    { env: { ...env, KAFKAJS_NO_PARTITIONER_WARNING: '1' }, log },
  );
  try {
    const result = JSON.parse(readFileSync(output, 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    // A suite that fails to load has no failed tests of its own; count it so it cannot pass silently.
    failed += result.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
    if (result.numTotalTests === 0) broken = true;
  } catch {
    broken = true;
  }
  if (status !== 0) broken = true;
}

/**
 * The integration tier mostly waits (brokers and databases stopped and started, processes killed,
 * backlogs draining), so it runs beside the others, on a database and a local broker of its own
 * (it stops and starts its broker, which the other tiers must not feel), its output kept in a log
 * and printed after theirs. TEST_LANES=1 runs every tier one after the other, on one broker.
 */
const besideTier = process.env.TEST_LANES !== '1' && selected.length > 1 ? selected.find((t) => t.name === 'integration') : undefined;
let beside = Promise.resolve();
let besideEnv = null;
if (besideTier) {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/governance_test');
  url.pathname = `${url.pathname}_integration`;
  // The broker's port and controller port 100 above the other tiers' broker; its state in a folder of
  // its own, sharing the downloaded jars.
  const port = Number(process.env.KAFKA_PORT ?? '9092') + 100;
  const stateDir = join(root, `.kafka-integration-${port}`);
  mkdirSync(stateDir, { recursive: true });
  const jars = join(root, '.kafka', 'lib');
  if (existsSync(jars) && !existsSync(join(stateDir, 'lib'))) symlinkSync(jars, join(stateDir, 'lib'));
  besideEnv = { ...process.env, TEST_DATABASE_URL: url.toString(), KAFKA_PORT: String(port), KAFKA_STATE_DIR: stateDir, KAFKA_BROKERS: `127.0.0.1:${port}` };
  const logFile = join(resultsDir, 'integration.log');
  const log = createWriteStream(logFile);
  console.log(`The integration tier runs beside the others (database ${url.pathname.slice(1)}, broker on port ${port}); its output follows theirs.`);
  const env = besideEnv;
  beside = run('bash', [join(root, 'scripts/kafka.sh'), 'up'], { env, log })
    .then((status) => (status === 0 ? runTier(besideTier, { env, log }) : (broken = true)))
    .then(() => new Promise((resolve) => log.end(resolve)));
}

// Static checks first: the types, the lint rules, and the architecture boundaries of .dependency-cruiser.js.
if (!only.length) {
  for (const [name, args] of [
    ['typecheck', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
    ['lint', ['eslint', 'apps', 'libs', 'test']],
    ['web typecheck', ['vue-tsc', '-p', 'apps/web/tsconfig.json', '--noEmit']],
    ['boundaries', ['depcruise', '--config', '.dependency-cruiser.js', 'apps', 'libs']],
  ]) {
    console.log(`\n=== ${name} ===`);
    if ((await run('npx', args)) === 0) passed += 1;
    else failed += 1;
  }
}

for (const tier of selected) {
  if (tier === besideTier) continue;
  console.log(`\n=== ${tier.name} tests ===`);
  await runTier(tier);
}
if (besideTier) {
  await beside;
  console.log(`\n=== ${besideTier.name} tests ===`);
  console.log(readFileSync(join(resultsDir, 'integration.log'), 'utf8'));
  spawnSync('bash', [join(root, 'scripts/kafka.sh'), 'down'], { env: besideEnv, stdio: 'ignore' });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
