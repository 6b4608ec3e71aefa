import { AuditLog, changesBetween } from '@app/audit';
import { DomainError } from '@app/common';
import { UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DEADLINE_COLUMNS, readCategoryDeadlines } from './calendar-records';
import { CategoryDeadlinesResponse } from './category-deadlines.dto';
import { SetCategoryDeadlinesCommand } from './set-category-deadlines.command';

/** Replaces a category's deadlines: what the body leaves out falls back to the default. Applies to new filings. */
@CommandHandler(SetCategoryDeadlinesCommand)
export class SetCategoryDeadlinesHandler implements ICommandHandler<SetCategoryDeadlinesCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, categoryCode, input }: SetCategoryDeadlinesCommand): Promise<CategoryDeadlinesResponse> {
    return this.unitOfWork.run(async (manager) => {
      const known: unknown[] = await manager.query('SELECT 1 FROM categories WHERE code = $1', [categoryCode]);
      if (known.length === 0) throw DomainError.notFound('CALENDAR.UNKNOWN_CATEGORY', `no category has code ${categoryCode}`);
      // One change of a category's deadlines at a time, so the audit log's "before" is the one replaced.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`category-deadlines:${categoryCode}`]);
      const before = await readCategoryDeadlines(manager, categoryCode);
      const columns = DEADLINE_COLUMNS.map(([, column]) => column);
      const values = DEADLINE_COLUMNS.map(([field]) => input[field] ?? null);
      await manager.query(
        `INSERT INTO category_deadlines (category_code, ${columns.join(', ')}, updated_at, updated_by)
         VALUES ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')}, now(), $${columns.length + 2})
         ON CONFLICT (category_code) DO UPDATE
            SET ${columns.map((column) => `${column} = EXCLUDED.${column}`).join(', ')},
                updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        [categoryCode, ...values, actor.username],
      );
      const after = await readCategoryDeadlines(manager, categoryCode);
      const settings = (d: CategoryDeadlinesResponse) => Object.fromEntries(DEADLINE_COLUMNS.map(([field]) => [field, d[field]]));
      await this.audit.record(manager, {
        actor,
        action: 'category_deadlines.set',
        target: { type: 'category', id: categoryCode },
        details: { changes: changesBetween(settings(before), settings(after)), defaults: after.defaults },
      });
      return after;
    });
  }
}
