import { LeadersAlerted } from '@app/casework';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { MonitoringUpdates } from '../live/monitoring-updates';

/** The deadline watcher's alerts, once committed, to the live dashboards of this process. */
@EventsHandler(LeadersAlerted)
export class AlertsToDashboardHandler implements IEventHandler<LeadersAlerted> {
  constructor(private readonly updates: MonitoringUpdates) {}

  handle(event: LeadersAlerted): void {
    this.updates.publish({
      kind: 'alert',
      gridCode: event.gridCode,
      requestId: event.requestId,
      alert: event.alert,
      dueAt: event.dueAt,
      // The tracking number and the department say what is due; a title could carry personal data.
      title: event.departmentCode ? `${event.trackingNo} · ${event.departmentCode}` : event.trackingNo,
    });
  }
}
