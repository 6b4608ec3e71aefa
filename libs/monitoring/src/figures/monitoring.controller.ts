import { Actor } from '@app/common';
import { CodeParam, CurrentActor, Roles } from '@app/common/http';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ExportRequestsQuery } from './export-requests.query';
import { ExportDto, OverdueDto, PeriodDto } from './figures.dto';
import { Figures, LeaderFigures, OverdueList } from './figures.response';
import { GetFiguresQuery } from './get-figures.query';
import { GetLeaderFiguresQuery } from './get-leader-figures.query';
import { ListOverdueQuery } from './list-overdue.query';

/** Leaders' figures, from the monitoring read models only. Grid workers get 403 throughout. */
@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('monitoring')
@Roles('leader', 'admin', 'dept_staff')
export class MonitoringController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('grids/:gridCode')
  grid(@CurrentActor() actor: Actor, @CodeParam('gridCode') gridCode: string, @Query() period: PeriodDto): Promise<Figures> {
    return this.queryBus.execute(new GetFiguresQuery(actor, { kind: 'grid', code: gridCode }, period.from, period.to));
  }

  @Get('streets/:streetCode')
  street(@CurrentActor() actor: Actor, @CodeParam('streetCode') streetCode: string, @Query() period: PeriodDto): Promise<Figures> {
    return this.queryBus.execute(new GetFiguresQuery(actor, { kind: 'street', code: streetCode }, period.from, period.to));
  }

  @Get('departments/:departmentCode')
  department(@CurrentActor() actor: Actor, @CodeParam('departmentCode') departmentCode: string, @Query() period: PeriodDto): Promise<Figures> {
    return this.queryBus.execute(new GetFiguresQuery(actor, { kind: 'department', code: departmentCode }, period.from, period.to));
  }

  @Get('me')
  me(@CurrentActor() actor: Actor, @Query() period: PeriodDto): Promise<LeaderFigures> {
    return this.queryBus.execute(new GetLeaderFiguresQuery(actor, period.from, period.to));
  }

  @Get('overdue')
  overdue(@CurrentActor() actor: Actor, @Query() query: OverdueDto): Promise<OverdueList> {
    return this.queryBus.execute(new ListOverdueQuery(actor, query.gridCode, query.limit ?? 100));
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  async export(@CurrentActor() actor: Actor, @Query() query: ExportDto, @Res() res: Response): Promise<void> {
    // Scope and input are checked before the first byte, so errors still answer as JSON.
    const { filename, chunks } = await this.queryBus.execute(new ExportRequestsQuery(actor, query.scope, query.code, query.from, query.to));
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    res.setHeader('Cache-Control', 'no-store');
    for await (const chunk of chunks) {
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }
}
