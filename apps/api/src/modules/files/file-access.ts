import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import type { StoredFileInfo } from './file-storage.service';

/** Whether a user may read a file they did not upload (e.g. staff reading the photo of a report in their jurisdiction). */
export type FileAccessChecker = (user: AuthUser, fileId: string, file: StoredFileInfo) => Promise<boolean>;

/**
 * Other modules register the rules under which their files may be read: `fileAccess.register(...)` in the
 * module's service constructor or onModuleInit. The uploader may always read their own file.
 */
@Injectable()
export class FileAccess {
  private readonly checkers: FileAccessChecker[] = [];

  register(checker: FileAccessChecker): void {
    this.checkers.push(checker);
  }

  async canRead(user: AuthUser, file: StoredFileInfo): Promise<boolean> {
    if (file.ownerId !== null && file.ownerId === user.id) return true;
    for (const check of this.checkers) if (await check(user, file.id, file)) return true;
    return false;
  }
}
