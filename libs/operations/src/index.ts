export * from './platform.module';
export * from './openapi';
export * from './demo/demo-county';
export * from './bootstrap';
export * from './error-codes';
