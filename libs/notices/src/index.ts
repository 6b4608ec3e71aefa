export * from './notices.module';
export * from './notice-book';
export * from './outbound/notice-channel';
export * from './outbound/outbound-notice.dispatcher';
export { noticeSignature } from './outbound/webhook-notice.channel';
export * from './domain/notice-kinds';
export * from './error-codes';
