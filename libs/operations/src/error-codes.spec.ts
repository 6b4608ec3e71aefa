import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODE_LISTS, ERROR_CODES } from './error-codes';

/** Every code literal in the libs' sources (their lists of codes aside): what the endpoints can answer. */
function codesInSources(): Map<string, string> {
  const libs = join(__dirname, '..', '..');
  const found = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && entry.name !== 'error-codes.ts') {
        for (const [, code] of readFileSync(path, 'utf8').matchAll(/'([A-Z]+\.[A-Z_]+)'/g)) found.set(code, path);
      }
    }
  };
  walk(libs);
  return found;
}

describe('error codes: one list per lib, for the clients that translate them', () => {
  it('lists every code an endpoint can answer, and none that none answers', () => {
    const used = codesInSources();
    const listed = new Set(Object.keys(ERROR_CODES));
    expect([...used.keys()].filter((code) => !listed.has(code)).map((code) => `${code} (${used.get(code)})`)).toEqual([]);
    expect([...listed].filter((code) => !used.has(code))).toEqual([]);
  });

  it('lists each code in one lib only, with its status and when it comes', () => {
    const all = Object.values(ERROR_CODE_LISTS).flatMap((list) => Object.keys(list));
    expect(all.length).toBe(new Set(all).size);
    for (const [code, info] of Object.entries(ERROR_CODES)) {
      expect({ code, ok: /^[A-Z]+\.[A-Z_]+$/.test(code) && info.when.length > 0 && info.status >= 400 }).toEqual({ code, ok: true });
    }
  });
});
