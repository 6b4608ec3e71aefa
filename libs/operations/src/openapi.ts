import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ERROR_CODE_LISTS } from './error-codes';

/** Serves the OpenAPI description, built from the DTOs, at /docs (and /docs-json). */
export function serveOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Grid governance event-routing service')
      .setDescription('Files citizens’ requests from the grid, routes them, and hands major ones to departments jointly.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  // Clients translate the stable codes of error answers ({statusCode, error, message, code}); here is every one, by lib.
  Object.assign(document, { 'x-error-codes': ERROR_CODE_LISTS });
  SwaggerModule.setup('docs', app, document);
}
