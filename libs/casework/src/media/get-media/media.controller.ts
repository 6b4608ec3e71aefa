import { Actor } from '@app/common';
import { CurrentActor, TokenInQuery, UuidParam } from '@app/common/http';
import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { GetMediaQuery, MediaVariant } from './get-media.query';

/**
 * Photos may be cached by the browser that fetched them (they never change under an id), never
 * by a shared cache: they belong to a matter only some may see.
 */
const CACHE = 'private, max-age=86400';

@ApiTags('media')
@ApiBearerAuth()
@Controller('media')
export class MediaController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @TokenInQuery()
  @Header('Cache-Control', CACHE)
  @ApiOperation({ summary: 'The photo, without metadata; for those who may open its request. The token may come as ?access_token= for <img src>' })
  @ApiQuery({ name: 'access_token', required: false })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'The image bytes' })
  photo(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<StreamableFile> {
    return this.serve(actor, id, 'photo');
  }

  @Get(':id/thumbnail')
  @TokenInQuery()
  @Header('Cache-Control', CACHE)
  @ApiOperation({ summary: 'A JPEG thumbnail of the photo, at most 320 px on its longer side' })
  @ApiQuery({ name: 'access_token', required: false })
  @ApiProduces('image/jpeg')
  @ApiOkResponse({ description: 'The thumbnail bytes' })
  thumbnail(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<StreamableFile> {
    return this.serve(actor, id, 'thumbnail');
  }

  private async serve(actor: Actor, id: string, variant: MediaVariant): Promise<StreamableFile> {
    const file = await this.queryBus.execute(new GetMediaQuery(actor, id, variant));
    return new StreamableFile(file.bytes, { type: file.contentType, disposition: 'inline', length: file.bytes.length });
  }
}
