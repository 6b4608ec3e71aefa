import { APP_CONFIG, AppConfig } from '@app/common';
import { isUniqueViolation } from '@app/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from './password';
import { UserEntity } from './user.entity';

/** Creates the first admin from ADMIN_USERNAME / ADMIN_PASSWORD when no admin exists yet. */
@Injectable()
export class FirstAdmin {
  private readonly logger = new Logger(FirstAdmin.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ensure(): Promise<void> {
    const repository = this.dataSource.getRepository(UserEntity);
    if (await repository.exists({ where: { role: 'admin' } })) return;
    const { adminUsername, adminPassword } = this.config;
    if (!adminUsername || !adminPassword) {
      this.logger.warn('no admin exists and ADMIN_USERNAME / ADMIN_PASSWORD are not set: nobody can keep reference data');
      return;
    }
    try {
      await repository.insert({
        id: randomUUID(),
        username: adminUsername,
        passwordHash: await hashPassword(adminPassword),
        role: 'admin',
        gridCodes: [],
        departmentCode: null,
      });
      this.logger.log({ username: adminUsername }, 'first admin created');
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // another replica created it first
    }
  }
}
