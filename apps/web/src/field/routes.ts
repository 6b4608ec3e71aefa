import type { RouteRecordRaw } from 'vue-router';

/** The grid worker's field app (phone, 390×844). */
export const fieldRoutes: RouteRecordRaw[] = [
  {
    path: '/field',
    component: () => import('./FieldLayout.vue'),
    meta: { roles: ['grid_worker'] },
    children: [
      { path: '', name: 'field-home', component: () => import('./home/FieldHomeView.vue') },
      { path: 'file', name: 'field-file', component: () => import('./file/FileRequestView.vue') },
      { path: 'filed/:id', name: 'field-filed', component: () => import('./file/FiledView.vue'), props: true },
      { path: 'outbox', name: 'field-outbox', component: () => import('./outbox/OutboxView.vue') },
      { path: 'requests/:id', name: 'field-request', component: () => import('./request/RequestDetailView.vue'), props: true },
    ],
  },
];
