import { APP_CONFIG, AppConfig } from '@app/common';
import { AssignmentDelivery, EVENT_TYPES } from '@app/casework';
import { departmentTopic, EventEnvelope, PoisonMessageError, ReliableConsumer, Subscription } from '@app/messaging';
import { NoticeBook } from '@app/notices';
import { DepartmentEntity } from '@app/reference-data';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseAssignmentCreated } from './assignment-created.payload';

export function consumerGroupOf(departmentCode: string): string {
  return `dept-handler.${departmentCode}`;
}

/**
 * One consumer group per department on its topic: records each assignment's delivery and puts
 * a notice of what concerns the department on its desk (NoticeBook), in the inbox's transaction. Departments are reference data that admins
 * add at any time, so the list is re-read periodically and new ones are subscribed; each
 * subscription joins its group in the background and rejoins by itself after an outage, so a
 * group slow to join (a vanished member's session must expire first) holds up no other.
 */
@Injectable()
export class DepartmentConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DepartmentConsumers.name);
  private readonly subscriptions = new Map<string, Subscription>();
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly consumer: ReliableConsumer,
    private readonly delivery: AssignmentDelivery,
    private readonly notices: NoticeBook,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.refreshing = this.refresh();
    this.timer = setInterval(() => {
      this.refreshing = this.refreshing.then(() => this.refresh());
    }, this.config.departmentRefreshMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.refreshing;
    await Promise.allSettled([...this.subscriptions.values()].map((s) => s.close()));
    this.subscriptions.clear();
  }

  async refresh(): Promise<void> {
    try {
      const departments = await this.dataSource.getRepository(DepartmentEntity).find({ select: { code: true } });
      for (const { code } of departments) {
        if (this.stopped || this.subscriptions.has(code)) continue;
        const group = consumerGroupOf(code);
        this.subscriptions.set(
          code,
          this.consumer.consume(group, departmentTopic(code), (envelope, manager) => this.handle(group, code, envelope, manager)),
        );
        this.logger.log({ department: code, group }, 'department handler subscribed');
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'could not refresh department consumers; will try again');
    }
  }

  private async handle(group: string, departmentCode: string, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    switch (envelope.type) {
      case EVENT_TYPES.assignmentCreated: {
        const payload = parseAssignmentCreated(envelope.payload);
        if (payload.departmentCode !== departmentCode) {
          throw new PoisonMessageError(`assignment for ${payload.departmentCode} arrived on the topic of ${departmentCode}`);
        }
        await this.delivery.record(manager, payload.assignmentId, departmentCode, group);
        await this.notices.recordForDepartment(manager, departmentCode, envelope);
        return;
      }
      default:
        // Whistle summons, 催办 reminders, returns sent back, reopenings, extensions: a notice on the
        // department's desk and on its way out (NoticeBook knows which events make one; the rest, such as
        // the department's own 退单, the inbox records and nothing more).
        await this.notices.recordForDepartment(manager, departmentCode, envelope);
        return;
    }
  }
}
