import 'reflect-metadata';
import helmet from '@fastify/helmet';
import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { clientErrorHandler, frameworkErrors } from './common/http/framework-errors';
import { createValidationPipe } from './common/http/validation';
import type { AppConfig } from './config/app-config';
import type { JwtSecrets } from './config/secrets';
import { buildOpenApiDocument } from './openapi';
import { defaultWebRoot, registerWebApps } from './web/web-apps';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

export interface CreateAppOptions {
  config: AppConfig;
  databaseUrl: string;
  secrets: JwtSecrets;
  logger: LoggerService;
  /** Serve the built SPAs and the landing page (off in API-only tests). */
  serveWeb?: boolean;
  /** Build the module graph without instantiating providers (no database): for writing the OpenAPI document. */
  preview?: boolean;
}

/** Builds the whole HTTP application (used by main, the CLI and the tests alike). */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const { config, logger } = options;
  const adapter = new FastifyAdapter({
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    // Honour a caller's (or load balancer's) request id when it is well-formed; otherwise make one.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
    },
    logger: false,
    // What Fastify and Node's HTTP parser refuse before any route is answered in the error shape too.
    frameworkErrors,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, { logger, bufferLogs: false, preview: options.preview });
  const fastify = app.getHttpAdapter().getInstance();

  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('X-Request-Id', req.id);
  });
  // One access-log line per request: route pattern, never the raw URL (queries may hold names or phones).
  fastify.addHook('onResponse', async (req, reply) => {
    logger.log({ msg: 'request', requestId: req.id, method: req.method, route: req.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'HTTP');
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.enableCors({ origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false, credentials: false, exposedHeaders: ['X-Request-Id', 'Retry-After', 'Idempotent-Replayed'] });
  app.setGlobalPrefix('api/v1', { exclude: [] });
  app.useGlobalPipes(createValidationPipe());

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json', customSiteTitle: 'Cordon API' });
  if (options.serveWeb) await registerWebApps(fastify, config.WEB_ROOT ?? defaultWebRoot());
  if (options.preview) return app;
  await app.init();
  await fastify.ready();
  return app;
}
