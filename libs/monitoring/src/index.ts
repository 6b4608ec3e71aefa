export * from './monitoring.module';
export * from './live/monitoring-updates';
export * from './projection/requests-projector';
export * from './projection/projection-store';
export * from './projection/rebuild-read-models';
export * from './error-codes';
