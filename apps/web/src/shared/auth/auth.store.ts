import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, ApiError, connectSession, unwrap } from '../api/client';

export type Role = 'admin' | 'grid_worker' | 'dept_staff' | 'leader';

/** What the token says about its holder (the server checks it on every call; the app only reads it). */
export interface SignedInUser {
  userId: string;
  username: string;
  role: Role;
  gridCodes: string[];
  departmentCode: string | null;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const STORAGE_KEY = 'gg.session';

/** The claims of a JWT, read without checking its signature (the server does that). */
export function readToken(token: string): SignedInUser | null {
  try {
    const payload = token.split('.')[1];
    if (!payload) return null;
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as { sub?: string; name?: string; role?: Role; grids?: string[]; dept?: string | null; exp?: number };
    if (!claims.sub || !claims.role || !claims.exp) return null;
    return {
      userId: claims.sub,
      username: claims.name ?? '',
      role: claims.role,
      gridCodes: claims.grids ?? [],
      departmentCode: claims.dept ?? null,
      expiresAt: claims.exp,
    };
  } catch {
    return null;
  }
}

/**
 * The signed-in user: the token in memory and in sessionStorage (it survives a reload, not the
 * closing of the tab). A token the api refuses (revoked, expired) signs the user out.
 */
export const useAuthStore = defineStore('auth', () => {
  const token = ref<string | null>(null);
  const endedReason = ref<ApiError | null>(null);
  const user = computed(() => (token.value ? readToken(token.value) : null));
  const signedIn = computed(() => user.value !== null && user.value.expiresAt * 1000 > Date.now());

  function adopt(value: string | null): void {
    token.value = value && readToken(value) ? value : null;
    if (token.value) sessionStorage.setItem(STORAGE_KEY, token.value);
    else sessionStorage.removeItem(STORAGE_KEY);
  }

  async function signIn(username: string, password: string): Promise<SignedInUser> {
    const answer = await unwrap(api.POST('/api/v1/auth/token', { body: { username, password } }));
    adopt(answer.accessToken);
    endedReason.value = null;
    if (!user.value) throw new ApiError(500, null, 'the token could not be read');
    return user.value;
  }

  function signOut(reason: ApiError | null = null): void {
    adopt(null);
    endedReason.value = reason;
  }

  adopt(sessionStorage.getItem(STORAGE_KEY));
  if (user.value && user.value.expiresAt * 1000 <= Date.now()) adopt(null);
  connectSession({ token: () => (signedIn.value ? token.value : null), ended: (error) => signOut(error) });

  return { token, user, signedIn, endedReason, signIn, signOut };
});
