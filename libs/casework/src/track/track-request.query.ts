import { Query } from '@nestjs/cqrs';
import { TrackResponse } from './track.response';

export class TrackRequestQuery extends Query<TrackResponse> {
  constructor(readonly trackingNo: string) {
    super();
  }
}
