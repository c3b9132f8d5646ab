import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from './app-config';

export const JWT_SECRETS = Symbol('JWT_SECRETS');

export interface JwtSecrets {
  accessSecret: string;
}

/**
 * JWT secrets come from the environment; for local use, when unset, they are generated once and kept in
 * DATA_DIR/secrets.json (mode 0600) so sessions survive restarts. Production requires the environment.
 */
export function resolveSecrets(config: AppConfig): JwtSecrets {
  if (config.JWT_ACCESS_SECRET) return { accessSecret: config.JWT_ACCESS_SECRET };
  const dir = resolve(config.DATA_DIR);
  const file = join(dir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as JwtSecrets;
  mkdirSync(dir, { recursive: true });
  const secrets: JwtSecrets = { accessSecret: randomBytes(48).toString('base64url') };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}
