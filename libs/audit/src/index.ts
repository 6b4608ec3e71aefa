export * from './audit.module';
export * from './audit-log';
export { changesBetween } from './domain/audit-details';
export type { FieldChange } from './domain/audit-details';
export * from './error-codes';
