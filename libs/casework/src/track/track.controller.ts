import { AddressRateLimit, Public } from '@app/common/http';
import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { TrackRequestQuery } from './track-request.query';
import { TrackResponse } from './track.response';

/**
 * The citizen's lookup, without signing in. Guessing a number is hopeless (the filing date and 8
 * characters drawn at random from 31, about 8.5e11 numbers per day), but the page is public and
 * each lookup reads the database: TRACK_PER_ADDRESS_PER_MINUTE bounds what one client address can ask.
 */
@ApiTags('track')
@Public()
@AddressRateLimit('track')
@Controller('track')
export class TrackController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':trackingNo')
  @ApiTooManyRequestsResponse({ description: 'Too many lookups from this address; the Retry-After header says when to try again' })
  @ApiOkResponse({ type: TrackResponse })
  track(@Param('trackingNo') trackingNo: string): Promise<TrackResponse> {
    return this.queryBus.execute(new TrackRequestQuery(trackingNo));
  }
}
