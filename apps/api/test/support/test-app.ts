import 'reflect-metadata';
import { hash } from '@node-rs/argon2';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AccountStatus, foldVietnamese, Role } from '@cordon/contracts';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/app-config';
import { JsonLogger } from '../../src/common/logging/json-logger';
import { uuidv7 } from '../../src/common/ids';
import { CitizenProfile } from '../../src/modules/accounts/citizen-profile.entity';
import { User } from '../../src/modules/accounts/user.entity';
import { AdminUnit, jurisdictionOfUnit } from '../../src/modules/geography/admin-unit.entity';
import { TEMPLATE_DB, withDatabase } from './global-setup';

export const TEST_PASSWORD = 'Test@12345';

export interface TestUser {
  user: User;
  token: string;
  refreshToken: string;
  /** `Authorization` header value. */
  auth: string;
}

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  dataSource: DataSource;
  databaseUrl: string;
  /** A staff account (active, password TEST_PASSWORD) bound to a unit, signed in. */
  newStaff(role: Role, unitCode: string, overrides?: Partial<User>): Promise<TestUser>;
  /** The same account, only written to the database (not signed in). */
  createStaff(role: Role, unitCode: string, overrides?: Partial<User>): Promise<User>;
  /** A citizen (active) with a profile, signed in. */
  newCitizen(overrides?: { communeCode?: string }): Promise<TestUser>;
  login(username: string, password?: string): Promise<TestUser>;
  close(): Promise<void>;
}

let sequence = 0;
let passwordHash: Promise<string> | undefined;

/** A fresh database cloned from the migrated template, and the whole HTTP application on it. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const adminUrl = process.env.CORDON_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('globalSetup did not run');
  const name = `test_${process.pid}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const databaseUrl = withDatabase(adminUrl, name);
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent', DB_POOL_SIZE: '3', RATE_LIMIT_AUTH_PER_MINUTE: '100000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', LOG_LEVEL: 'silent', ROLLUP_REFRESH_SECONDS: '0', ...env });
  const app = await createApp({ config, databaseUrl, secrets: { accessSecret: 'test-secret-'.padEnd(48, 'x') }, logger: new JsonLogger('silent') });
  const http = request(app.getHttpServer());
  const dataSource = app.get(DataSource);
  passwordHash ??= hash(TEST_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });

  async function login(username: string, password = TEST_PASSWORD): Promise<TestUser> {
    const res = await http.post('/api/v1/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const user = await dataSource.getRepository(User).findOneByOrFail({ id: res.body.user.id });
    return { user, token: res.body.accessToken, refreshToken: res.body.refreshToken, auth: `Bearer ${res.body.accessToken}` };
  }

  async function createStaff(role: Role, unitCode: string, overrides: Partial<User> = {}): Promise<User> {
    const unit = await dataSource.getRepository(AdminUnit).findOneByOrFail({ code: unitCode });
    const username = `${role.toLowerCase().replace(/_/g, '-')}.${unitCode}.${++sequence}`;
    await dataSource.getRepository(User).insert({
      id: uuidv7(),
      username,
      passwordHash: await passwordHash!,
      fullName: `Cán bộ ${sequence}`,
      fullNameFolded: foldVietnamese(`Cán bộ ${sequence}`),
      role,
      status: AccountStatus.ACTIVE,
      ...jurisdictionOfUnit(unit),
      ...overrides,
    });
    return dataSource.getRepository(User).findOneByOrFail({ username });
  }

  async function newStaff(role: Role, unitCode: string, overrides: Partial<User> = {}): Promise<TestUser> {
    return login((await createStaff(role, unitCode, overrides)).username);
  }

  async function newCitizen(overrides: { communeCode?: string } = {}): Promise<TestUser> {
    const n = ++sequence;
    const phone = `09${String(process.pid % 100).padStart(2, '0')}${String(n).padStart(6, '0')}`;
    const communeCode = overrides.communeCode ?? '02230';
    const unit = await dataSource.getRepository(AdminUnit).findOneByOrFail({ code: communeCode });
    const id = uuidv7();
    await dataSource.getRepository(User).insert({
      id,
      username: phone,
      passwordHash: await passwordHash!,
      fullName: `Người dân ${n}`,
      fullNameFolded: `nguoi dan ${n}`,
      role: Role.CITIZEN,
      status: AccountStatus.ACTIVE,
      provinceCode: unit.provinceCode,
      districtCode: unit.districtCode,
      communeCode: unit.code,
      phone,
    });
    await dataSource.getRepository(CitizenProfile).insert({ userId: id, idNumber: `0080${String(process.pid % 1000).padStart(3, '0')}${String(n).padStart(5, '0')}`, dateOfBirth: '1990-01-01', gender: 'MALE', phone, address: null, communeCode });
    return login(phone);
  }

  return {
    app,
    http,
    dataSource,
    databaseUrl,
    newStaff,
    createStaff,
    newCitizen,
    login,
    async close() {
      await app.close();
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Reads the last audit events of an entity. */
export async function auditOf(dataSource: DataSource, entityId: string): Promise<{ action: string; actor_id: string | null; request_id: string | null; before: unknown; after: unknown }[]> {
  return dataSource.query(`SELECT action, actor_id, request_id, before, after FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id`, [entityId]);
}
