import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorResponseDto } from './common/errors/error-response.dto';

/** The OpenAPI document, generated from controllers and DTOs; committed as libs/contracts/openapi.json. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Cordon API')
    .setDescription(
      'Epidemic-response platform of a province. Every operation declares who may call it: `x-roles` (roles allowed; records are further limited to the caller\'s jurisdiction) or `x-public` (no token; rate limited per address). Errors share one shape (ErrorResponseDto).',
    )
    .setVersion('1')
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto] });
  return sortKeys(document) as OpenAPIObject;
}

/** Stable key order so the committed document diffs cleanly. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
