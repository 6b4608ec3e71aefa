#!/usr/bin/env node
// `npm test`: makes sure PostgreSQL and the local Kafka broker are up (and Chromium for the browser
// tier), runs the test tiers (unit, web, http, embedded, integration, fuzz, browser) and ends with one line
// "N passed, N failed". The embedded tier needs neither: it runs what `npm start` runs.
// `npm run fuzz` runs the fuzz tier alone with 10,000 cases (FUZZ_CASES, FUZZ_SEED).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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

// Static checks first: the types, the lint rules, and the architecture boundaries of .dependency-cruiser.js.
if (!only.length) {
  for (const [name, args] of [
    ['typecheck', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
    ['lint', ['eslint', 'apps', 'libs', 'test']],
    ['web typecheck', ['vue-tsc', '-p', 'apps/web/tsconfig.json', '--noEmit']],
    ['boundaries', ['depcruise', '--config', '.dependency-cruiser.js', 'apps', 'libs']],
  ]) {
    console.log(`\n=== ${name} ===`);
    const check = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
    if (check.status === 0) passed += 1;
    else failed += 1;
  }
}

for (const tier of selected) {
  console.log(`\n=== ${tier.name} tests ===`);
  const output = join(resultsDir, `${tier.name}.json`);
  const run = spawnSync(
    'npx',
    tier.vitest
      ? // vitest's JSON report has jest's shape.
        ['vitest', 'run', '--config', tier.vitest, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`]
      : // --forceExit: kafkajs can keep a socket open for a while after the last test has closed its apps.
        ['jest', '-c', tier.config, '--runInBand', '--forceExit', '--json', `--outputFile=${output}`],
    { cwd: root, stdio: 'inherit', env: { ...process.env, KAFKAJS_NO_PARTITIONER_WARNING: '1' } },
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
  if (run.status !== 0) broken = true;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
