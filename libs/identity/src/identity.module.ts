import { AuditModule } from '@app/audit';
import { APP_CONFIG, AppConfig } from '@app/common';
import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountLockout } from './auth/account-lockout';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { TokenService } from './auth/token.service';
import { CreateUserController } from './users/create-user/create-user.controller';
import { CreateUserHandler } from './users/create-user/create-user.handler';
import { FirstAdmin } from './users/first-admin';
import { ListUsersController } from './users/list-users/list-users.controller';
import { ListUsersHandler } from './users/list-users/list-users.handler';
import { ResetPasswordController } from './users/reset-password/reset-password.controller';
import { ResetPasswordHandler } from './users/reset-password/reset-password.handler';
import { UpdateUserController } from './users/update-user/update-user.controller';
import { UpdateUserHandler } from './users/update-user/update-user.handler';
import { UserEntity } from './users/user.entity';

/** Users, sign-in and the guard that checks every HTTP call. */
@Module({
  imports: [
    AuditModule,
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        // A prepared key: given a string, jsonwebtoken tries to parse it as a public key on every call.
        const key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
        return { secretOrKeyProvider: () => key };
      },
    }),
  ],
  controllers: [AuthController, CreateUserController, ListUsersController, UpdateUserController, ResetPasswordController],
  providers: [
    TokenService,
    AccountLockout,
    CreateUserHandler,
    ListUsersHandler,
    UpdateUserHandler,
    ResetPasswordHandler,
    FirstAdmin,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [FirstAdmin, TokenService],
})
export class IdentityModule {}
