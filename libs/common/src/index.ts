// Framework-free shared kernel; the Nest-specific pieces live in '@app/common/http'.
export * from './actor';
export * from './codes';
export * from './config';
export * from './correlation';
export * from './domain-error';
export * from './error-codes';
export * from './input-limits';
export * from './password-policy';
export * from './time';
export * from './timeout';
