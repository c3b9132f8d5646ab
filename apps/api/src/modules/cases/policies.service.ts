import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { RequestContext } from '../../common/auth/auth-user';
import { invalid } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { policyInForce } from './isolation-rules';
import { IsolationPolicy } from './isolation-policy.entity';
import type { CreateIsolationPolicyDto } from './dtos/policy.dto';
import seedFile from './policies/isolation-policies.json';

/** Seeds the versioned policy file's versions that are missing (idempotent; versions are never edited). */
export async function seedIsolationPolicies(dataSource: DataSource): Promise<number> {
  const result = await dataSource.createQueryBuilder().insert().into(IsolationPolicy).values(seedFile.versions).orIgnore().returning(['version']).execute();
  return (result.raw as unknown[]).length;
}

/** Dated isolation policies: the version in force on a date, and new versions from the Department of Health. */
@Injectable()
export class PoliciesService {
  private cache?: { at: number; policies: Promise<IsolationPolicy[]> };

  constructor(
    @InjectRepository(IsolationPolicy) private readonly policies: Repository<IsolationPolicy>,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async all(): Promise<IsolationPolicy[]> {
    // A short cache: policies change a few times a year, and every case view reads them. The pending read is
    // cached, so that the many cases of one list (evaluated at once) share one query instead of each sending its own.
    if (!this.cache || Date.now() - this.cache.at > 30_000) {
      const policies = this.policies.find({ order: { validFrom: 'DESC' } });
      const entry = { at: Date.now(), policies };
      this.cache = entry;
      policies.catch(() => {
        if (this.cache === entry) this.cache = undefined;
      });
    }
    return this.cache.policies;
  }

  async inForce(on: string): Promise<IsolationPolicy> {
    return policyInForce(await this.all(), on);
  }

  async byVersion(version: string): Promise<IsolationPolicy> {
    const found = (await this.all()).find((p) => p.version === version);
    return found ?? this.policies.findOneByOrFail({ version });
  }

  async create(dto: CreateIsolationPolicyDto, ctx: RequestContext): Promise<IsolationPolicy> {
    const latest = (await this.policies.find({ order: { validFrom: 'DESC' }, take: 1 }))[0];
    if (latest && dto.validFrom <= latest.validFrom) throw invalid('validFrom', 'not_after_latest', `validFrom must be after the latest version (${latest.validFrom})`);
    if (dto.extendedDaysVaccinated < dto.isolationDays || dto.extendedDaysUnvaccinated < dto.isolationDays) {
      throw invalid('extendedDaysVaccinated', 'too_short', 'extended days cannot be fewer than the isolation days');
    }
    const policy = this.policies.create({ ...dto, version: dto.validFrom, createdBy: ctx.user?.id ?? null });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(IsolationPolicy, policy);
      await this.audit.record(ctx, { action: 'isolation_policy.create', entityType: 'isolation_policy', entityId: null, after: { ...dto } }, manager);
    });
    this.cache = undefined;
    return this.policies.findOneByOrFail({ version: policy.version });
  }
}
