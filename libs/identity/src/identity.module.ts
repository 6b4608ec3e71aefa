import { APP_CONFIG, AppConfig } from '@app/common';
import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { TokenService } from './auth/token.service';
import { CreateUserHandler } from './users/create-user.handler';
import { FirstAdmin } from './users/first-admin';
import { UserEntity } from './users/user.entity';
import { UsersController } from './users/users.controller';

/** Users, sign-in and the guard that checks every HTTP call. */
@Module({
  imports: [
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
  controllers: [AuthController, UsersController],
  providers: [TokenService, CreateUserHandler, FirstAdmin, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [FirstAdmin],
})
export class IdentityModule {}
