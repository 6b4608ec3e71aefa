export * from './identity.module';
export * from './users/first-admin';
export * from './users/user.entity';
export * from './users/password';
export * from './users/create-user/create-user.command';
export * from './auth/token.service';
export { bearerTokenOf } from './auth/auth.guard';
export { tokenBoundStream } from './auth/token-bound-stream';
export * from './error-codes';
