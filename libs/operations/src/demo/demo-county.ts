import { UpdateCalendarCommand } from '@app/casework';
import { Actor } from '@app/common';
import { CreateUserCommand } from '@app/identity';
import { rebuildReadModels } from '@app/monitoring';
import { UnitOfWork } from '@app/persistence';
import { CreateCategoryCommand, CreateDepartmentCommand, CreateGridCommand, GridEntity } from '@app/reference-data';
import { consumerGroupOf, DepartmentConsumers } from '@app/dept-handling';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ageMatter } from './demo-aging';
import { DEMO_HOLIDAYS, DEMO_MAKE_UP_WORKDAYS, DEMO_OFFICE_HOURS } from './demo-calendar';
import { DemoCast, workSampleMatters } from './demo-matters';
import { DEMO_CATEGORIES, DEMO_DEPARTMENTS, DEMO_GRIDS, DEMO_STREETS, DEMO_USERS, ROLE_NAMES } from './demo-places';

/** Every demo user's password; it passes the password policy (libs/common/src/password-policy.ts). */
export const DEMO_PASSWORD = 'demo-pass-2026';

export interface DemoSignIn {
  username: string;
  role: string;
  /** Codes of the user's grids or department. */
  scope: string;
  /** The role and scope in Chinese, as the demo's users know them. */
  label: string;
}

/**
 * The Chinese demo county of the embedded default (`npm start`): two streets, five grids with
 * boundaries, six departments with staff in each, ten categories, the 2026 and (provisional) 2027
 * holidays, and a few weeks of sample matters in every state, so no screen starts empty. Seeded
 * once, into an empty database, through the same commands users call.
 */
@Injectable()
export class DemoCounty {
  private readonly logger = new Logger(DemoCounty.name);

  constructor(
    private readonly commandBus: CommandBus,
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly moduleRef: ModuleRef,
  ) {}

  async seedIfEmpty(): Promise<DemoSignIn[]> {
    if ((await this.dataSource.getRepository(GridEntity).count()) === 0) {
      const started = Date.now();
      await this.seed();
      this.logger.log({ ms: Date.now() - started }, 'demo county seeded');
    }
    return DEMO_USERS.map((u) => {
      const grids = 'gridCodes' in u ? (u.gridCodes ?? []) : [];
      const department = 'departmentCode' in u ? u.departmentCode : undefined;
      return {
        username: u.username,
        role: u.role,
        scope: department ?? grids.join(', '),
        label: `${ROLE_NAMES[u.role]} · ${
          department ? DEMO_DEPARTMENTS.find((d) => d.code === department)?.name : grids.map((code) => DEMO_GRIDS.find((g) => g.code === code)?.name).join('、')
        }`,
      };
    });
  }

  private async seed(): Promise<void> {
    for (const grid of DEMO_GRIDS) await this.commandBus.execute(new CreateGridCommand(grid));
    for (const department of DEMO_DEPARTMENTS) await this.commandBus.execute(new CreateDepartmentCommand(department));
    // The department handlers of this process (all in one) subscribe to the new departments now, not at their next look.
    await this.moduleRef.get(DepartmentConsumers, { strict: false }).refresh();
    for (const category of DEMO_CATEGORIES) await this.commandBus.execute(new CreateCategoryCommand(category));
    // Side by side: each password hash (scrypt) takes a moment on a thread of its own.
    const people: Actor[] = await Promise.all(
      DEMO_USERS.map(async (user) => {
        const created = await this.commandBus.execute(new CreateUserCommand({ ...user, password: DEMO_PASSWORD }));
        return { userId: created.id, username: created.username, role: created.role, gridCodes: created.gridCodes, departmentCode: created.departmentCode };
      }),
    );
    const admin = await this.admin();
    await this.commandBus.execute(new UpdateCalendarCommand(admin, { periods: DEMO_OFFICE_HOURS, holidays: DEMO_HOLIDAYS, makeUpWorkdays: DEMO_MAKE_UP_WORKDAYS }));

    const cast: DemoCast = {
      admin,
      workerOf: (gridCode) => only(people.filter((a) => a.role === 'grid_worker' && a.gridCodes.includes(gridCode)), `a worker of ${gridCode}`),
      staffOf: (departmentCode, n = 0) => only(people.filter((a) => a.departmentCode === departmentCode).slice(n), `staff ${n} of ${departmentCode}`),
    };
    const matters = await workSampleMatters(this.commandBus, this.unitOfWork, cast);
    // Moved back only once the department handlers have recorded deliveries and notices, so those move too.
    await this.departmentHandlersCaughtUp(matters.map((m) => m.requestId));
    await this.unitOfWork.run(async (manager) => {
      for (const { requestId, minutesBack } of matters) await ageMatter(manager, requestId, minutesBack);
    });
    // The projector saw the matters as they were filed, today: the read models are made again from the moved events.
    await rebuildReadModels(this.dataSource);
    this.logger.log({ streets: DEMO_STREETS.map((s) => s.name), matters: matters.length }, 'demo matters filed');
  }

  /** Waits until every event of these requests sent to a department's topic was handled by its group (at most 30 s). */
  private async departmentHandlersCaughtUp(requestIds: string[]): Promise<void> {
    const deadline = Date.now() + 30_000;
    const groups = DEMO_DEPARTMENTS.map((d) => [`governance.dept.${d.code}.v1`, consumerGroupOf(d.code)]);
    for (;;) {
      const [row] = (await this.dataSource.query(
        `SELECT count(*)::int AS waiting FROM outbox o JOIN request_events e ON e.event_id = o.event_id
           JOIN jsonb_each_text($2::jsonb) g(topic, consumer) ON g.topic = o.topic
          WHERE e.request_id = ANY($1::uuid[])
            AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.consumer = g.consumer AND i.event_id = o.event_id)`,
        [requestIds, JSON.stringify(Object.fromEntries(groups))],
      )) as { waiting: number }[];
      if (row.waiting === 0) return;
      if (Date.now() > deadline) {
        this.logger.warn({ waiting: row.waiting }, 'department handlers still busy with the demo matters; moving them back in time regardless');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async admin(): Promise<Actor> {
    const [row] = (await this.dataSource.query(`SELECT id, username FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`)) as { id: string; username: string }[];
    if (!row) throw new Error('the demo county needs the first admin (ADMIN_USERNAME) to exist');
    return { userId: row.id, username: row.username, role: 'admin', gridCodes: [], departmentCode: null };
  }
}

function only(found: Actor[], what: string): Actor {
  if (!found[0]) throw new Error(`the demo county has no ${what}`);
  return found[0];
}
