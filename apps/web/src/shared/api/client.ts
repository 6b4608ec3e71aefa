import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/** The api's DTOs, generated from its OpenAPI document (openapi.json → schema.d.ts; `npm run openapi:snapshot`). */
export type Schemas = components['schemas'];

/** What the api answered when it refused, in the contract's shape, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    /** Seconds from the Retry-After header of a 429 or 503. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static async fromResponse(response: Response, body?: unknown): Promise<ApiError> {
    let parsed = body;
    if (parsed === undefined) parsed = await response.clone().json().catch(() => null);
    const shape = (parsed ?? {}) as { code?: unknown; message?: unknown };
    const retryAfter = Number(response.headers.get('Retry-After'));
    return new ApiError(
      response.status,
      typeof shape.code === 'string' ? shape.code : null,
      typeof shape.message === 'string' ? shape.message : response.statusText,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

interface Session {
  token(): string | null;
  /** The api refused the token itself (expired, revoked): the session is over. */
  ended(error: ApiError): void;
}

let session: Session = { token: () => null, ended: () => {} };

/** Called once by the auth store: where the token comes from and what ends the session. */
export function connectSession(value: Session): void {
  session = value;
}

export function authHeaders(): Record<string, string> {
  const token = session.token();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

const TOKEN_REFUSED = new Set(['AUTH.TOKEN_REVOKED', 'AUTH.BAD_TOKEN', 'AUTH.NO_TOKEN']);

/** Ends the session when the api refuses the token (401 AUTH.TOKEN_REVOKED / AUTH.BAD_TOKEN). */
export async function noticeRefusedToken(response: Response): Promise<void> {
  if (response.status !== 401 || !session.token()) return;
  const error = await ApiError.fromResponse(response);
  if (error.code && TOKEN_REFUSED.has(error.code)) session.ended(error);
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ response }) {
    await noticeRefusedToken(response);
    return response;
  },
};

/** Every call to /api/v1, typed from the server's OpenAPI document. */
// fetch looked up at each call, so a page (or a test) that replaces it is heard.
export const api = createClient<paths>({ baseUrl: '', fetch: (request) => globalThis.fetch(request) });
api.use(auth);

/**
 * The answer's data, or an ApiError: `await unwrap(api.GET('/api/v1/grids'))`. A failure to reach
 * the server at all becomes an ApiError with status 0.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    throw new ApiError(0, null, error instanceof Error ? error.message : String(error));
  }
  if (!result.response.ok) throw await ApiError.fromResponse(result.response, result.error);
  return result.data as T;
}
