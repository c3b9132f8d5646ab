import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { JWT_SECRETS, type JwtSecrets } from '../../../config/secrets';

/**
 * Seals the activation codes of a bulk import while they wait to be exported (AES-256-GCM, a key derived
 * from the server secret), so a database dump alone does not reveal them. They are erased after export.
 */
@Injectable()
export class CodeVault {
  private readonly key: Buffer;

  constructor(@Inject(JWT_SECRETS) secrets: JwtSecrets) {
    this.key = Buffer.from(hkdfSync('sha256', secrets.accessSecret, 'cordon', 'account-import-codes', 32));
  }

  seal(value: unknown): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  open<T>(sealed: Buffer): T {
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8')) as T;
  }
}
