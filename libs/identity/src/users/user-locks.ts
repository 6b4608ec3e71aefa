import { DomainError } from '@app/common';
import { EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * Locks a user row for a change by an admin. Every such change first takes one advisory lock, so
 * two admins demoting or disabling each other at once cannot both pass the last-admin check.
 */
export async function lockUserForChange(manager: EntityManager, userId: string): Promise<UserEntity> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['identity:user-change']);
  const user = await manager.getRepository(UserEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
  if (!user) throw DomainError.notFound('IDENTITY.USER_NOT_FOUND', `no user has id ${userId}`);
  return user;
}

/** Someone must always be able to keep the county: the last enabled admin stays one. */
export async function assertAnotherAdminRemains(manager: EntityManager, userId: string): Promise<void> {
  const [{ others }] = (await manager.query(
    `SELECT count(*)::int AS others FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id <> $1`,
    [userId],
  )) as { others: number }[];
  if (others === 0) throw DomainError.conflict('IDENTITY.LAST_ADMIN', 'this is the last enabled admin: make another admin first');
}
