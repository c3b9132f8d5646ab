import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectRepository } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Repository } from 'typeorm';
import { AccountStatus } from '@cordon/contracts';
import type { AuthUser } from '../../common/auth/auth-user';
import { JWT_SECRETS, type JwtSecrets } from '../../config/secrets';
import { JWT_AUDIENCE, JWT_ISSUER, type AccessTokenPayload } from './token.service';
import { User } from './user.entity';

/**
 * Verifies access tokens (HS256 pinned, audience, issuer and expiry checked) and loads the account fresh,
 * so a lock, deactivation or re-scoping ends its sessions at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(JWT_SECRETS) secrets: JwtSecrets,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object, not the string: jsonwebtoken would first try (and fail) to parse a string as a public key on
      // every request. jsonwebtoken takes a KeyObject; passport-jwt's types only name string and Buffer.
      secretOrKey: createSecretKey(Buffer.from(secrets.accessSecret)) as unknown as Buffer,
      algorithms: ['HS256'],
      audience: JWT_AUDIENCE,
      issuer: JWT_ISSUER,
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AuthUser | false> {
    const user = await this.users.findOneBy({ id: payload.sub });
    if (!user || user.status !== AccountStatus.ACTIVE || user.sessionVersion !== payload.sv) return false;
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      unitCode: user.unitCode,
      unitLevel: user.unitLevel,
      provinceCode: user.provinceCode,
      districtCode: user.districtCode,
      communeCode: user.communeCode,
      checkpointId: user.checkpointId,
      sessionId: payload.fid,
    };
  }
}
