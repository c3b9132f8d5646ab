import type { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * Lets uploads of the given content types arrive as raw bytes (a Buffer body) up to `bodyLimit`; a larger
 * body gets Fastify's 413 before any handler runs. Call from a module's onModuleInit (before Fastify is ready).
 */
export function acceptRawBodies(adapterHost: HttpAdapterHost, types: readonly string[], bodyLimit: number): void {
  const fastify = adapterHost.httpAdapter?.getInstance<FastifyInstance>();
  if (!fastify || typeof fastify.addContentTypeParser !== 'function') return;
  for (const type of types) {
    if (fastify.hasContentTypeParser(type)) continue;
    fastify.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit }, (_req: unknown, body: Buffer, done: (err: Error | null, body?: Buffer) => void) => done(null, body));
  }
}
