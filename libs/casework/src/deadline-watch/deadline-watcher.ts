import { APP_CONFIG, AppConfig } from '@app/common';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DeadlineAlerts } from './deadline-alerts';
import { OverdueAssignments } from './overdue-assignments';
import { OverdueGridTasks } from './overdue-grid-tasks';

export interface WatchPass {
  escalated: number;
  reminded: number;
  leadersAlerted: number;
  /** Near-deadline and breach alerts to the grids' leaders. */
  deadlineAlerts: number;
}

/**
 * Runs in every api replica, every DEADLINE_WATCH_MS: tells the grids' leaders of deadlines near
 * and breached, escalates overdue grid tasks, reminds departments of overdue assignments and
 * alerts the grid's leaders of a second breach. Replicas share the work through row locks; none
 * repeats what another did.
 */
@Injectable()
export class DeadlineWatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineWatcher.name);
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly gridTasks: OverdueGridTasks,
    private readonly assignments: OverdueAssignments,
    private readonly alerts: DeadlineAlerts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduleNext();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.pass;
  }

  async watchOnce(now = new Date()): Promise<WatchPass> {
    // Alerts first: an overdue grid task's breach is announced before its escalation sets a new deadline.
    const deadlineAlerts = await this.alerts.sendDue(now);
    const escalated = await this.gridTasks.escalateDue(now);
    const { reminded, leadersAlerted } = await this.assignments.handleDue(now);
    return { escalated, reminded, leadersAlerted, deadlineAlerts };
  }

  /** The next pass starts a full interval after the last one ended, so passes never overlap. */
  private scheduleNext(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.pass = this.watchOnce().then(
        (done) => {
          if (done.escalated + done.reminded + done.leadersAlerted + done.deadlineAlerts > 0) this.logger.log(done, 'deadline watch acted');
          this.scheduleNext();
        },
        (error: unknown) => {
          this.logger.warn({ err: error }, 'deadline watch pass failed; will try again');
          this.scheduleNext();
        },
      );
    }, this.config.deadlineWatchMs);
  }
}
