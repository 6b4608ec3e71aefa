#!/usr/bin/env node
// `npm run openapi:snapshot`: writes the api's OpenAPI document to the web app's snapshot
// (apps/web/src/shared/api/openapi.json) and generates its TypeScript types (schema.d.ts) with
// openapi-typescript. It compiles the api from the sources into a folder of its own, starts it on a
// throwaway embedded PostgreSQL (nothing to configure), reads /docs-json and stops it. The HTTP test
// test/http/openapi-snapshot.e2e-spec.ts fails while the snapshot differs from what the api serves.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './bench/common.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, `.openapi-build-${process.pid}`);
const dbDir = mkdtempSync(join(tmpdir(), 'openapi-db-'));
const snapshot = join(root, 'apps/web/src/shared/api/openapi.json');
const types = join(root, 'apps/web/src/shared/api/schema.d.ts');
const bin = (tool) => join(root, 'node_modules', '.bin', tool);

let api;
try {
  for (const tool of ['tsc', 'tsc-alias']) execFileSync(bin(tool), ['-p', 'tsconfig.build.json', '--outDir', out], { cwd: root, stdio: 'inherit' });
  const port = await freePort();
  api = spawn(process.execPath, [join(out, 'apps/api/src/main.js'), '--all-in-one'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), EMBEDDED_DB_DIR: dbDir, LOG_LEVEL: 'warn', DATABASE_URL: '', KAFKA_BROKERS: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((_, reject) => api.once('exit', (code) => reject(new Error(`the api stopped (exit ${code}) before it served its document`))));
  const document = await Promise.race([
    exited,
    (async () => {
      for (let attempt = 0; attempt < 240; attempt += 1) {
        try {
          const response = await fetch(`http://127.0.0.1:${port}/docs-json`);
          if (response.ok) return await response.json();
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error('the api did not serve /docs-json within 2 minutes');
    })(),
  ]);
  writeFileSync(snapshot, JSON.stringify(document, null, 2) + '\n');
  execFileSync(bin('openapi-typescript'), [snapshot, '--output', types, '--empty-objects-unknown'], { cwd: root, stdio: 'inherit' });
  console.log(`Wrote ${snapshot} and ${types}`);
} finally {
  if (api && api.exitCode === null) {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
  }
  rmSync(out, { recursive: true, force: true });
  rmSync(dbDir, { recursive: true, force: true });
}
