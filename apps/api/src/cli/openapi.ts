/**
 * `pnpm --filter @cordon/api openapi`: writes the OpenAPI document generated from the controllers and DTOs
 * to libs/contracts/openapi.json (then `pnpm --filter @cordon/contracts generate` makes the TypeScript types).
 * Needs no database.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp } from '../app';
import { loadConfig } from '../config/app-config';
import { JsonLogger } from '../common/logging/json-logger';
import { buildOpenApiDocument } from '../openapi';

export const OPENAPI_FILE = resolve(__dirname, '../../../../libs/contracts/openapi.json');

async function main(): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent' });
  const app = await createApp({ config, databaseUrl: 'postgres://unused', secrets: { accessSecret: 'x'.repeat(48) }, logger: new JsonLogger('silent'), preview: true });
  const document = buildOpenApiDocument(app);
  writeFileSync(OPENAPI_FILE, JSON.stringify(document, null, 2) + '\n');
  console.log(`Wrote ${OPENAPI_FILE} (${Object.keys(document.paths).length} paths)`);
  process.exit(0);
}

void main();
