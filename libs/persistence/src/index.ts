export * from './data-source.options';
export * from './embedded-postgres';
export * from './unit-of-work';
export * from './run-migrations';
export * from './database-unavailable';
