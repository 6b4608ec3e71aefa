import type { RouteRecordRaw } from 'vue-router';

/** The grid worker's field app (phone, 390×844). */
export const fieldRoutes: RouteRecordRaw[] = [
  {
    path: '/field',
    component: () => import('./FieldLayout.vue'),
    meta: { roles: ['grid_worker'] },
    children: [{ path: '', name: 'field-home', component: () => import('./home/FieldHomeView.vue') }],
  },
];
