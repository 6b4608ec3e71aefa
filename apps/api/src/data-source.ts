import 'reflect-metadata';
import { postgresOptions } from '@app/persistence';
import { DataSource } from 'typeorm';

/**
 * The TypeORM CLI's data source (`npm run migration:show`, `npm run migration:revert`), on DATABASE_URL.
 * Migrations are written by hand as reviewed SQL (libs/persistence/src/migrations): the schema's
 * foreign keys, checks and partial indexes say more than the entities do, so generated diffs
 * would be wrong.
 */
export default new DataSource(postgresOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/governance', 1));
