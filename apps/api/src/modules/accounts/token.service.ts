import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { uuidv7 } from '../../common/ids';
import { RefreshToken } from './refresh-token.entity';
import type { User } from './user.entity';

export const JWT_AUDIENCE = 'cordon-api';
export const JWT_ISSUER = 'cordon';

export interface AccessTokenPayload {
  sub: string;
  role: string;
  /** The account's session version: bumping it ends every session at once. */
  sv: number;
  /** The sign-in session (refresh-token family) this token belongs to. */
  fid: string;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  hashToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  async issue(user: User, familyId: string | null, manager: EntityManager = this.dataSource.manager): Promise<{ accessToken: string; refreshToken: string; expiresIn: number }> {
    const family = familyId ?? uuidv7();
    const payload: AccessTokenPayload = { sub: user.id, role: user.role, sv: user.sessionVersion, fid: family };
    const accessToken = await this.jwt.signAsync(payload);
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.insert(RefreshToken, {
      id: uuidv7(),
      userId: user.id,
      familyId: family,
      tokenHash: this.hashToken(refreshToken),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL * 1000),
      usedAt: null,
      revokedAt: null,
    });
    return { accessToken, refreshToken, expiresIn: this.config.ACCESS_TOKEN_TTL };
  }

  async revokeFamily(familyId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllOfUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Ends every other sign-in session of the user (their access tokens lapse within ACCESS_TOKEN_TTL). */
  async revokeOtherFamilies(userId: string, keepFamilyId: string | undefined, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(RefreshToken, { userId, revokedAt: IsNull(), ...(keepFamilyId ? { familyId: Not(keepFamilyId) } : {}) }, { revokedAt: new Date() });
  }
}
