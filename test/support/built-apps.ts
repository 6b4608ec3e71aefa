import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
const ENTRIES = ['apps/api/src/main.js', 'apps/dept-handler/src/main.js'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    // Declarations compile to nothing, and the web build writes one (components.d.ts) after the server's.
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The absolute path of a compiled entry in dist/ (e.g. `apps/api/src/main.js`). `npm install`
 * builds; when dist/ is missing or older than a source, `npm run build` runs first (it swaps the
 * new build in whole, so nothing running from dist/ loses its files).
 */
export function builtEntry(entry: string): string {
  const outputs = ENTRIES.map((e) => join(ROOT, 'dist', e));
  const sourcesAt = Math.max(newestSource(join(ROOT, 'apps')), newestSource(join(ROOT, 'libs')));
  if (!outputs.every((o) => existsSync(o) && statSync(o).mtimeMs > sourcesAt)) {
    try {
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, timeout: 240_000, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`npm run build failed:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
    }
  }
  return join(ROOT, 'dist', entry);
}
