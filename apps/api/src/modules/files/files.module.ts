import { Global, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { FileAccess } from './file-access';
import { FileStorage } from './file-storage.service';
import { FilesController } from './files.controller';
import { FilesService, TEST_PHOTO_MAX_BYTES, TEST_PHOTO_TYPES } from './files.service';

/** Raw image bodies: the largest photo plus a little (a larger body gets Fastify's 413 before any handler runs). */
const IMAGE_BODY_LIMIT = TEST_PHOTO_MAX_BYTES + 64 * 1024;

/** Files in PostgreSQL: FileStorage (save/read) and FileAccess (read rules) for every module; the /files endpoints. */
@Global()
@Module({
  controllers: [FilesController],
  providers: [FileStorage, FileAccess, FilesService],
  exports: [FileStorage, FileAccess],
})
export class FilesModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Runs in app.init(), before Fastify is ready: image uploads arrive as raw bytes (a Buffer body). */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || typeof fastify.addContentTypeParser !== 'function') return;
    for (const type of TEST_PHOTO_TYPES) {
      if (fastify.hasContentTypeParser(type)) continue;
      fastify.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMAGE_BODY_LIMIT }, (_req: unknown, body: Buffer, done: (err: Error | null, body?: Buffer) => void) => done(null, body));
    }
  }
}
