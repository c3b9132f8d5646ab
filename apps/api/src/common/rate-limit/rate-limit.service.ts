import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode } from '@cordon/contracts';
import { AppConfig } from '../../config/app-config';
import { DomainError } from '../errors/domain-error';
import type { RateLimitBucket } from '../auth/authorize.decorator';

const WINDOW_SECONDS = 60;

/**
 * Fixed one-minute windows counted in PostgreSQL, so every API replica shares one budget per address.
 * One round trip per public request (an upsert that returns the new count).
 */
@Injectable()
export class RateLimitService implements OnModuleInit, OnModuleDestroy {
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), WINDOW_SECONDS * 1000);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  limitOf(bucket: RateLimitBucket): number {
    return bucket === 'auth' ? this.config.RATE_LIMIT_AUTH_PER_MINUTE : this.config.RATE_LIMIT_PUBLIC_PER_MINUTE;
  }

  async consume(bucket: RateLimitBucket, address: string): Promise<void> {
    const limit = this.limitOf(bucket);
    const rows: { count: number; retry_after: number }[] = await this.dataSource.query(
      `INSERT INTO rate_limit_buckets (key, window_start, count)
       VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_buckets.count + 1
       RETURNING count, ceil($2 - (extract(epoch FROM now()) - extract(epoch FROM window_start)))::int AS retry_after`,
      [`${bucket}:${address}`, WINDOW_SECONDS],
    );
    const { count, retry_after } = rows[0];
    if (count > limit) {
      throw new DomainError(ErrorCode.RATE_LIMITED, 'Too many requests; try again shortly', undefined, { 'Retry-After': String(Math.max(1, retry_after)) });
    }
  }

  private async sweep(): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_buckets WHERE window_start < now() - interval '10 minutes'`);
  }
}
