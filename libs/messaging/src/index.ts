export * from './envelope';
export * from './message-broker';
export * from './messaging.module';
export * from './inbox/envelope.dto';
export * from './inbox/reliable-consumer';
export * from './outbox/outbox.writer';
export * from './outbox/outbox.relay';
