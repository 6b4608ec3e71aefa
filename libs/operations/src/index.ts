export * from './platform.module';
export * from './openapi';
export * from './demo/demo-county';
export { DEMO_REQUEST_COUNT } from './demo/demo-matters';
export * from './bootstrap';
export * from './error-codes';
