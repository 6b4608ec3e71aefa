import { DomainError } from '@app/common';
import { Public } from '@app/common/http';
import { Controller, Get, Logger, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Asset, loadDashboardAssets } from './dashboard-assets';

/**
 * The leaders' dashboard page at /dashboard (outside /api/v1). Page and assets are public: they
 * hold no data and no secret; the page signs in and reads the figures with the leader's token.
 */
@ApiExcludeController()
@Public()
@Controller('dashboard')
export class DashboardController {
  private readonly logger = new Logger(DashboardController.name);
  private readonly assets: Map<string, Asset> = this.load();

  @Get()
  page(@Res() response: Response): void {
    this.send(response, 'index.html');
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() response: Response): void {
    if (file === 'index.html') throw DomainError.notFound('DASHBOARD.NO_SUCH_ASSET', `no dashboard asset is called ${file}`);
    this.send(response, file);
  }

  /** A missing file costs the page, not the api: everything else keeps serving. */
  private load(): Map<string, Asset> {
    try {
      return loadDashboardAssets();
    } catch (error) {
      this.logger.error({ err: error }, 'the dashboard page cannot be served');
      return new Map();
    }
  }

  private send(response: Response, name: string): void {
    const asset = this.assets.get(name);
    if (!asset) throw DomainError.notFound('DASHBOARD.NO_SUCH_ASSET', `no dashboard asset is called ${name}`);
    response
      .status(200)
      .set({
        'Content-Type': asset.contentType,
        'Cache-Control': name === 'index.html' ? 'no-cache' : 'public, max-age=300',
        // The security headers (a policy of own files only, no framing by others) come from configureHttp.
      })
      .send(asset.body);
  }
}
