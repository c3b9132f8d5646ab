import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ErrorCode, passwordProblems } from '@cordon/contracts';
import { DomainError } from '../../common/errors/domain-error';

/** argon2id with OWASP's minimum parameters (m = 19 MiB, t = 2, p = 1). Algorithm.Argon2id is 2 (a const enum). */
const ARGON2ID = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

@Injectable()
export class PasswordService {
  /** Verified against when the username is unknown, so both paths cost one argon2 verification. */
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, ARGON2ID);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    if (!passwordHash) {
      this.dummyHash ??= this.hash(randomBytes(16).toString('hex'));
      await verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }

  /** Throws PASSWORD_POLICY with field-level details when the password is too weak. */
  assertPolicy(password: string, field = 'newPassword', context: string[] = []): void {
    const problems = passwordProblems(password);
    const lower = password.toLowerCase();
    if (context.some((c) => c.length >= 3 && lower.includes(c.toLowerCase()))) problems.push('CONTAINS_USERNAME');
    if (problems.length) {
      throw new DomainError(
        ErrorCode.PASSWORD_POLICY,
        'The password does not meet the policy: at least 8 characters with a letter, a digit and an upper-case letter or a symbol',
        problems.map((code) => ({ field, code, message: `password policy: ${code}` })),
      );
    }
  }

  /** A one-time activation code: 130 random bits, Crockford base32, grouped for reading aloud. */
  newActivationCode(): { code: string; hash: string } {
    const bytes = randomBytes(17);
    let bits = 0;
    let value = 0;
    let out = '';
    for (const byte of bytes) {
      value = (value << 8) | byte;
      bits += 8;
      while (bits >= 5 && out.length < 26) {
        out += CROCKFORD[(value >>> (bits - 5)) & 31];
        bits -= 5;
      }
    }
    const code = out.match(/.{1,4}/g)!.join('-');
    return { code, hash: this.hashActivationCode(code) };
  }

  /** High-entropy codes need no slow hash: SHA-256 of the normalised code. */
  hashActivationCode(code: string): string {
    const normalised = code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
    return createHash('sha256').update(normalised).digest('hex');
  }

  sameHash(a: string | null, b: string): boolean {
    if (!a || a.length !== b.length) return false;
    return timingSafeEqual(Buffer.from(a), Buffer.from(b));
  }
}
