import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { DomainModule } from '@duyet/domain';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordsController } from './passwords.controller';
import { SignInThrottleModule } from './sign-in-throttle';

@Module({
  imports: [
    DomainModule,
    SignInThrottleModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key object, not the string: jsonwebtoken first tries to read a string as a public key and builds an
        // exception for every token it verifies, a tenth of the API's CPU on authenticated requests (npm run bench).
        secret: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')),
        signOptions: { expiresIn: config.jwt.ttlSeconds },
      }),
    }),
  ],
  controllers: [AuthController, PasswordsController],
  providers: [AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
