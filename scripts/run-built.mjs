#!/usr/bin/env node
// `npm start`, `start:api`, `start:dept-handler`, `migrate`, `monitoring:rebuild`: runs a compiled
// entry from dist/ (`node scripts/run-built.mjs <entry in dist> [arguments]`). It never builds: the
// build is made once, by `npm install` or `npm run build`, so processes started together cannot
// pull it from under each other.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
const file = join(root, 'dist', entry);

if (!existsSync(file)) {
  console.error(`There is no build to run (${relative(root, file)} is missing): run "npm run build" first (npm install does it too).`);
  process.exit(1);
}

/** The newest TypeScript source under `dir`, with its modification time. */
function newestSource(dir, newest = { path: null, mtimeMs: 0 }) {
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) newestSource(path, newest);
    // Declarations compile to nothing, and the web build writes one (components.d.ts) after the server's.
    else if (item.name.endsWith('.ts') && !item.name.endsWith('.spec.ts') && !item.name.endsWith('.d.ts')) {
      const { mtimeMs } = statSync(path);
      if (mtimeMs > newest.mtimeMs) Object.assign(newest, { path, mtimeMs });
    }
  }
  return newest;
}

const newest = newestSource(join(root, 'libs'), newestSource(join(root, 'apps')));
if (newest.mtimeMs > statSync(file).mtimeMs) {
  console.error(`Note: ${relative(root, newest.path)} changed after the last build; run "npm run build" to run the change.`);
}

process.argv = [process.argv[0], file, ...args];
await import(pathToFileURL(file).href);
