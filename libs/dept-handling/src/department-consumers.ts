import { APP_CONFIG, AppConfig } from '@app/common';
import { AssignmentDelivery, EVENT_TYPES } from '@app/casework';
import { departmentTopic, EventEnvelope, PoisonMessageError, ReliableConsumer, Subscription } from '@app/messaging';
import { DepartmentEntity } from '@app/reference-data';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseAssignmentCreated } from './assignment-created.payload';

export function consumerGroupOf(departmentCode: string): string {
  return `dept-handler.${departmentCode}`;
}

/**
 * One consumer group per department on its topic. Departments are reference data that admins
 * add at any time, so the list is re-read periodically and new ones are joined, each on its own:
 * a group slow to join (a vanished member's session must expire first) holds up no other.
 */
@Injectable()
export class DepartmentConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DepartmentConsumers.name);
  private readonly subscriptions = new Map<string, Subscription>();
  /** Departments whose group is being joined. */
  private readonly joining = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly consumer: ReliableConsumer,
    private readonly delivery: AssignmentDelivery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Joining groups can take long (a dead member's session must expire): never hold up start-up.
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

  /** Departments currently consumed, for readiness and tests. */
  joined(): string[] {
    return [...this.subscriptions.keys()];
  }

  async refresh(): Promise<void> {
    try {
      const departments = await this.dataSource.getRepository(DepartmentEntity).find({ select: { code: true } });
      for (const { code } of departments) {
        if (this.stopped || this.subscriptions.has(code) || this.joining.has(code)) continue;
        this.joining.add(code);
        void this.join(code).finally(() => this.joining.delete(code));
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'could not refresh department consumers; will try again');
    }
  }

  /** Joins a department's group; a failure is tried again at the next refresh. */
  private async join(code: string): Promise<void> {
    const group = consumerGroupOf(code);
    try {
      const subscription = await this.consumer.consume(group, departmentTopic(code), (envelope, manager) => this.handle(group, code, envelope, manager));
      // Stopped while joining: leave at once (the broker closes last and would close it too).
      if (this.stopped) return void (await subscription.close());
      this.subscriptions.set(code, subscription);
      this.logger.log({ department: code, group }, 'department handler joined');
    } catch (error) {
      this.logger.warn({ err: error, department: code }, 'department handler could not join; will try again');
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
        return;
      }
      default:
        // Other department events (reminders, whistles) have no handler yet; the inbox still records them.
        return;
    }
  }
}
