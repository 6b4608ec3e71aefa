#!/usr/bin/env node
// `npm run build` (and `npm install`, through the prepare script): compiles apps and libs into dist/
// and builds the web app (Vite) into dist/web, which the api serves at /.
// The new build is made beside dist/ and moved into place at the end, so a process that starts
// meanwhile finds the previous build whole, never a half-written or missing one.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const next = join(root, `.dist-next-${process.pid}`);
const old = join(root, `.dist-old-${process.pid}`);

/** Whether a process of this pid runs (a build started beside this one keeps its folders). */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

// What a killed build left behind; a build still running beside this one keeps its folders.
for (const name of readdirSync(root)) {
  const match = /^\.dist-(next|old)-(\d+)$/.exec(name);
  if (match && Number(match[2]) !== process.pid && !alive(Number(match[2]))) rmSync(join(root, name), { recursive: true, force: true });
}

try {
  for (const tool of ['tsc', 'tsc-alias']) {
    execFileSync(join(root, 'node_modules', '.bin', tool), ['-p', 'tsconfig.build.json', '--outDir', next], { cwd: root, stdio: 'inherit' });
  }
  execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'apps/web/vite.config.mts', '--outDir', join(next, 'web'), '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // A build started from a test run inherits NODE_ENV=test, which libraries read at build time (Vant then
    // gives every field the same id); the app is always built for production.
    env: { ...process.env, NODE_ENV: 'production' },
  });
} catch {
  rmSync(next, { recursive: true, force: true });
  console.error('The build failed (see above); dist/ was left as it was.');
  process.exit(1);
}

if (existsSync(dist)) renameSync(dist, old);
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
