import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

/** Something a leader's dashboard should show without a reload. */
export type MonitoringChange =
  | { kind: 'projected'; gridCode: string; requestId: string; eventType: string }
  | { kind: 'alert'; gridCode: string; requestId: string; alert: 'near' | 'breach'; dueAt: string; title?: string };

/**
 * Changes seen by this process, for live dashboards: the projector publishes after it has
 * updated the read models, the alert path after it has written its event.
 */
@Injectable()
export class MonitoringUpdates {
  private readonly subject = new Subject<MonitoringChange>();
  readonly changes$: Observable<MonitoringChange> = this.subject.asObservable();

  publish(change: MonitoringChange): void {
    this.subject.next(change);
  }
}
