import { Module } from '@nestjs/common';
import { MonitoringUpdates } from './live/monitoring-updates';
import { DeadlineClock } from '@app/casework';
import { IdentityModule } from '@app/identity';
import { ExportRequestsHandler } from './figures/export-requests.handler';
import { GetFiguresHandler } from './figures/get-figures.handler';
import { GetLeaderFiguresHandler } from './figures/get-leader-figures.handler';
import { ListOverdueHandler } from './figures/list-overdue.handler';
import { MonitoringController } from './figures/monitoring.controller';
import { RequestsProjector } from './projection/requests-projector';
import { AlertsToDashboardHandler } from './dashboard/alerts-to-dashboard.handler';
import { DashboardController } from './dashboard/dashboard.controller';
import { MonitoringStreamController } from './dashboard/monitoring-stream.controller';

/** Leaders' monitoring: read models built from the request events, figures, dashboard, alerts. */
@Module({
  imports: [
    // the stream checks that its token still holds
    IdentityModule,
  ],
  controllers: [
    // figures controllers
    MonitoringController,
    // dashboard controllers
    DashboardController,
    MonitoringStreamController,
  ],
  providers: [
    MonitoringUpdates,
    // projection providers
    DeadlineClock,
    RequestsProjector,
    GetFiguresHandler,
    GetLeaderFiguresHandler,
    ListOverdueHandler,
    ExportRequestsHandler,
    // dashboard providers
    AlertsToDashboardHandler,
  ],
  exports: [MonitoringUpdates],
})
export class MonitoringModule {}
