/**
 * `node apps/api/dist/cli/create-admin.js <username> [unitCode] [full name]`: provisions the first
 * ACCOUNT_ADMIN of a fresh installation (default unit: the home province, 08) and prints its one-time
 * activation code. Audited as a system action.
 */
import 'reflect-metadata';
import { AccountStatus, foldVietnamese, Role, STAFF_USERNAME_PATTERN, UnitLevel } from '@cordon/contracts';
import { uuidv7 } from '../common/ids';
import { loadConfig } from '../config/app-config';
import { AdminUnit } from '../modules/geography/admin-unit.entity';
import { User } from '../modules/accounts/user.entity';
import { PasswordService } from '../modules/accounts/password.service';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { openDatabase } from './database';

async function main(): Promise<void> {
  const [username, unitCode = '08', ...nameParts] = process.argv.slice(2);
  if (!username || !STAFF_USERNAME_PATTERN.test(username)) {
    console.error('usage: create-admin <username (lower case, with a letter)> [provinceCode=08] [full name]');
    process.exit(2);
  }
  const config = loadConfig();
  const db = await openDatabase();
  try {
    const unit = await db.dataSource.getRepository(AdminUnit).findOneBy({ code: unitCode });
    if (!unit || unit.level !== UnitLevel.PROVINCE) throw new Error(`${unitCode} is not a province code (are the admin units seeded? start the API once)`);
    const passwords = new PasswordService();
    const { code, hash } = passwords.newActivationCode();
    const fullName = nameParts.join(' ') || 'Quản trị tài khoản';
    const expires = new Date(Date.now() + config.ACTIVATION_CODE_DAYS * 24 * 3600 * 1000);
    await db.dataSource.transaction(async (manager) => {
      const id = uuidv7();
      await manager.insert(User, {
        id,
        username,
        passwordHash: null,
        fullName,
        fullNameFolded: foldVietnamese(fullName),
        role: Role.ACCOUNT_ADMIN,
        status: AccountStatus.PENDING_ACTIVATION,
        unitCode: unit.code,
        unitLevel: UnitLevel.PROVINCE,
        provinceCode: unit.code,
        activationCodeHash: hash,
        activationExpiresAt: expires,
      });
      await manager.createQueryBuilder().insert().into(AuditEvent).values({ id: uuidv7(), action: 'account.create', entityType: 'user', entityId: id, provinceCode: unit.code, after: { username, role: Role.ACCOUNT_ADMIN, unitCode: unit.code, via: 'create-admin' } as never }).execute();
    });
    console.log(`Created ${username} (ACCOUNT_ADMIN, ${unit.nameWithType}).`);
    console.log(`One-time activation code (valid until ${expires.toISOString()}): ${code}`);
    console.log('Sign in to the province app, choose "Kích hoạt tài khoản" and set a password with it.');
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(String((err as Error)?.message ?? err));
  process.exit(1);
});
