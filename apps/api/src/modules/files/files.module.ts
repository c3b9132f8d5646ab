import { Global, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { acceptRawBodies } from '../../common/http/raw-body';
import { FileAccess } from './file-access';
import { FileStorage } from './file-storage.service';
import { FilesController } from './files.controller';
import { FilesService, TEST_PHOTO_MAX_BYTES, TEST_PHOTO_TYPES } from './files.service';

/** Raw image bodies: the largest photo plus a little. */
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

  onModuleInit(): void {
    acceptRawBodies(this.adapterHost, TEST_PHOTO_TYPES, IMAGE_BODY_LIMIT);
  }
}
