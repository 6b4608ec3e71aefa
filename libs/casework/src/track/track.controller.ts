import { Public } from '@app/common/http';
import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { TrackRequestQuery } from './track-request.query';
import { TrackResponse } from './track.response';

/**
 * The citizen's lookup, without signing in. No rate limit is needed to keep strangers out: a
 * tracking number is the filing date and 8 characters drawn at random from 31 (about 8.5e11
 * numbers per day), so guessing a day's few hundred live ones takes billions of tries.
 */
@ApiTags('track')
@Public()
@Controller('track')
export class TrackController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':trackingNo')
  track(@Param('trackingNo') trackingNo: string): Promise<TrackResponse> {
    return this.queryBus.execute(new TrackRequestQuery(trackingNo));
  }
}
