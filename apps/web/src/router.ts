import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { type Role, type SignedInUser, useAuthStore } from './shared/auth/auth.store';
import { fieldRoutes } from './field/routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** Who may open the page; absent: anyone, signed in or not. */
    roles?: Role[];
  }
}

/** Where each kind of user starts. Leaders have the dashboard the api serves (outside this app) for now. */
export function landingFor(user: SignedInUser): { name: string } | { external: string } {
  switch (user.role) {
    case 'grid_worker':
      return { name: 'field-home' };
    case 'dept_staff':
      return { name: 'desk-home' };
    case 'leader':
      return { external: '/dashboard' };
    case 'admin':
      return { name: 'admin-home' };
  }
}

// Each room is its own chunk, loaded when first opened: the phone never downloads the desk.
const routes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: () => import('./shared/sign-in/SignInView.vue') },
  { path: '/', name: 'landing', component: () => import('./shared/layout/LandingView.vue') },
  ...fieldRoutes,
  {
    path: '/desk',
    component: () => import('./desk/DeskLayout.vue'),
    meta: { roles: ['dept_staff', 'admin'] },
    children: [
      { path: '', name: 'desk-home', component: () => import('./desk/queue/DeskQueueView.vue') },
      { path: 'cases/:requestId', name: 'desk-case', component: () => import('./desk/case/DeskCaseView.vue'), props: true },
      { path: 'notices', name: 'desk-notices', component: () => import('./desk/notices/DeskNoticesView.vue') },
      { path: 'decisions', name: 'desk-decisions', component: () => import('./desk/decisions/DeskDecisionsView.vue') },
    ],
  },
  {
    path: '/admin',
    component: () => import('./admin/AdminLayout.vue'),
    meta: { roles: ['admin'] },
    children: [{ path: '', name: 'admin-home', component: () => import('./admin/home/AdminHomeView.vue') }],
  },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./shared/layout/NotFoundView.vue') },
];

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes });
  router.beforeEach((to) => {
    const auth = useAuthStore();
    const roles = to.matched.flatMap((record) => record.meta.roles ?? []);
    if (roles.length === 0 && to.name !== 'landing') return true;
    if (!auth.signedIn || !auth.user) return to.name === 'sign-in' ? true : { name: 'sign-in', query: to.fullPath === '/' ? {} : { next: to.fullPath } };
    if (to.name === 'landing' || !roles.includes(auth.user.role)) {
      const landing = landingFor(auth.user);
      if ('external' in landing) {
        window.location.assign(landing.external);
        return false;
      }
      return landing;
    }
    return true;
  });
  return router;
}
