export * from './dept-handling.module';
export * from './department-consumers';
