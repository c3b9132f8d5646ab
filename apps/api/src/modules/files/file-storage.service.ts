import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode } from '@cordon/contracts';
import { DomainError } from '../../common/errors/domain-error';
import { uuidv7 } from '../../common/ids';
import { MalformedFileError, sniff, stripJpeg, stripPng, type StoredContentType } from './file-types';
import { StoredFile } from './stored-file.entity';

export { sniff, stripJpeg, stripPng, MalformedFileError, STORED_CONTENT_TYPES, type StoredContentType } from './file-types';

/** A stored file's description (everything but its bytes). */
export type StoredFileInfo = Omit<StoredFile, 'data'>;

export interface SaveFileInput {
  /** What it is for, e.g. 'test-photo', 'document-pdf' (at most 40 characters). */
  purpose: string;
  /** The uploader; null for files the system makes (signed PDFs). */
  ownerId: string | null;
  data: Buffer;
  /** Types accepted here; the type is sniffed from the bytes. */
  allowed: readonly StoredContentType[];
  /** Size cap of the bytes as given (before metadata is stripped). */
  maxBytes: number;
  /** The Content-Type the caller declared, if any: it must match the sniffed type. */
  declaredType?: string;
  /** Write inside the caller's transaction. */
  manager?: EntityManager;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const unsupported = (message: string) => new DomainError(ErrorCode.UNSUPPORTED_FILE, message, [{ field: 'file', code: 'unsupported', message }]);

/**
 * The one way files get into PostgreSQL (DESIGN.md section 7): the type is sniffed from the bytes, the size is
 * capped, photo metadata (EXIF/GPS, text chunks) is stripped, and a SHA-256 is kept.
 */
@Injectable()
export class FileStorage {
  constructor(private readonly dataSource: DataSource) {}

  async save(input: SaveFileInput): Promise<StoredFileInfo> {
    const { data, allowed, maxBytes } = input;
    if (data.length > maxBytes) {
      throw new DomainError(ErrorCode.FILE_TOO_LARGE, `The file is larger than ${maxBytes} bytes`, [{ field: 'file', code: 'too_large', message: `At most ${maxBytes} bytes` }]);
    }
    const type = sniff(data);
    if (!type || !allowed.includes(type)) throw unsupported(`Only ${allowed.join(', ')} files are accepted`);
    if (input.declaredType !== undefined && normaliseType(input.declaredType) !== type) throw unsupported(`The bytes are ${type}, not ${input.declaredType}`);
    let clean: Buffer;
    try {
      clean = type === 'image/jpeg' ? stripJpeg(data) : type === 'image/png' ? stripPng(data) : data;
    } catch (e) {
      if (e instanceof MalformedFileError) throw unsupported(`The ${type} file is damaged: ${e.message}`);
      throw e;
    }
    const file: StoredFile = Object.assign(new StoredFile(), {
      id: uuidv7(),
      purpose: input.purpose,
      contentType: type,
      size: clean.length,
      sha256: createHash('sha256').update(clean).digest('hex'),
      data: clean,
      ownerId: input.ownerId,
    });
    const manager = input.manager ?? this.dataSource.manager;
    // The insert fills in created_at on the entity (RETURNING).
    await manager.createQueryBuilder().insert().into(StoredFile).values(file).execute();
    const { data: _bytes, ...info } = file;
    return info;
  }

  /** The file and its bytes; null when there is no such file (or the id is not a UUID). */
  async read(id: string, manager: EntityManager = this.dataSource.manager): Promise<{ file: StoredFileInfo; data: Buffer } | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const row = await manager.getRepository(StoredFile).createQueryBuilder('f').addSelect('f.data').where('f.id = :id', { id }).getOne();
    if (!row) return null;
    const { data, ...file } = row;
    return { file, data };
  }

  /** The description only (no bytes); null when there is no such file. */
  async describe(id: string, manager: EntityManager = this.dataSource.manager): Promise<StoredFileInfo | null> {
    if (!UUID_PATTERN.test(id)) return null;
    return manager.getRepository(StoredFile).findOneBy({ id });
  }
}

function normaliseType(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}
