import { Actor } from '@app/common';
import { Query } from '@nestjs/cqrs';
import { ExportScope } from './figures.dto';

export interface RequestsExport {
  filename: string;
  /** CSV text in chunks, the header row first. */
  chunks: AsyncIterable<string>;
}

export class ExportRequestsQuery extends Query<RequestsExport> {
  constructor(
    readonly actor: Actor,
    readonly scope: ExportScope,
    readonly code: string | undefined,
    readonly from: string | undefined,
    readonly to: string | undefined,
  ) {
    super();
  }
}
