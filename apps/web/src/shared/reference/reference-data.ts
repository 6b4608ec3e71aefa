import { reactive } from 'vue';
import { api, type Schemas, unwrap } from '../api/client';
import { takeEarlyAnswer } from './early-reference';

export type Grid = Schemas['GridResponse'];
export type Department = Schemas['DepartmentResponse'];
export type Category = Schemas['CategoryResponse'];

interface ReferenceData {
  grids: Grid[];
  departments: Department[];
  categories: Category[];
  loaded: boolean;
}

const STORAGE_KEY = 'gg.reference';

function saved(): ReferenceData {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw) return { ...(JSON.parse(raw) as Omit<ReferenceData, 'loaded'>), loaded: true };
  } catch {
    // a damaged copy is fetched again
  }
  return { grids: [], departments: [], categories: [], loaded: false };
}

/** The answer early-reference.ts already asked for when the page opened, else a call now. */
const early = (request: Request): Promise<Response> => takeEarlyAnswer(new URL(request.url, location.href).pathname) ?? globalThis.fetch(request);

const state = reactive<ReferenceData>(saved());
let loading: Promise<void> | null = null;

/**
 * Grids, departments and categories by code, from the api's reference-data endpoints. A copy is kept
 * on the device (it holds no personal data), so the filing form has its Chinese names offline.
 */
export function loadReferenceData(force = false): Promise<void> {
  if (loading && !force) return loading;
  loading = (async () => {
    const [grids, departments, categories] = await Promise.all([
      unwrap(api.GET('/api/v1/grids', { fetch: early })),
      unwrap(api.GET('/api/v1/departments', { fetch: early })),
      unwrap(api.GET('/api/v1/categories', { fetch: early })),
    ]);
    Object.assign(state, { grids, departments, categories, loaded: true });
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ grids, departments, categories }));
  })().catch((error: unknown) => {
    loading = null;
    // Offline with a saved copy: the copy serves.
    if (!state.loaded) throw error;
  });
  return loading;
}

export function useReferenceData() {
  const byCode = <T extends { code: string; name: string }>(list: T[], code: string | null | undefined): string =>
    code ? (list.find((item) => item.code === code)?.name ?? code) : '';
  return {
    data: state as Readonly<ReferenceData>,
    gridName: (code: string | null | undefined) => byCode(state.grids, code),
    departmentName: (code: string | null | undefined) => byCode(state.departments, code),
    categoryName: (code: string | null | undefined) => byCode(state.categories, code),
  };
}
