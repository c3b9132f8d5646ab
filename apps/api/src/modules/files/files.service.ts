import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { notFound } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { FileAccess } from './file-access';
import { FileStorage, type StoredFileInfo } from './file-storage.service';
import type { UploadedFileDto } from './dtos/file.dto';

export const TEST_PHOTO_PURPOSE = 'test-photo';
export const TEST_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const TEST_PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;

/** The files endpoints: citizens upload test photos; a file is served to whoever the access rules allow. */
@Injectable()
export class FilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly access: FileAccess,
    private readonly audit: AuditService,
  ) {}

  async uploadTestPhoto(user: AuthUser, data: Buffer, declaredType: string | undefined, ctx: RequestContext): Promise<UploadedFileDto> {
    return this.dataSource.transaction(async (manager) => {
      const file = await this.storage.save({ purpose: TEST_PHOTO_PURPOSE, ownerId: user.id, data, allowed: TEST_PHOTO_TYPES, maxBytes: TEST_PHOTO_MAX_BYTES, declaredType, manager });
      await this.audit.record(ctx, { action: 'file.upload', entityType: 'file', entityId: file.id, after: { purpose: file.purpose, contentType: file.contentType, size: file.size, sha256: file.sha256 } }, manager);
      return { id: file.id, contentType: file.contentType, size: file.size };
    });
  }

  /** The bytes for this user; 404 both when there is no such file and when the user may not read it. */
  async readFor(user: AuthUser, id: string): Promise<{ file: StoredFileInfo; data: Buffer }> {
    const found = await this.storage.read(id);
    if (!found || !(await this.access.canRead(user, found.file))) throw notFound('File');
    return found;
  }
}
