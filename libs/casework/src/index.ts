export * from './casework.module';
export * from './record-delivery/assignment-delivery';
export * from './database/request.entity';
export * from './database/assignment.entity';
export * from './database/request-event.entity';
export * from './domain/event-types';
export * from './escalate-request/escalate-request.command';
