import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase()) ? true : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase()) ? false : value;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);
const toList = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : String(value).split(',').map((s) => s.trim()).filter(Boolean);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every setting the API reads, validated once at start-up from the environment.
 * Names are the environment variables; docs/configuration.md lists them.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(1)
  HOST = '0.0.0.0';

  /** External PostgreSQL; when unset an embedded server is started with its data in DATA_DIR. */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  DATABASE_URL?: string;

  /** Optional read replica for reports and exports. */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  DATABASE_READ_URL?: string;

  @Transform(toInt) @IsInt() @Min(1) @Max(100)
  DB_POOL_SIZE = 6;

  /**
   * Milliseconds to open a database connection or to wait for a free one in the pool; past it the request
   * fails fast with 503 SERVICE_UNAVAILABLE instead of hanging (database down, unreachable or saturated).
   */
  @Transform(toInt) @IsInt() @Min(100) @Max(120_000)
  DB_CONNECT_TIMEOUT_MS = 5000;

  /** PostgreSQL statement_timeout of the API's connections in milliseconds (0: none); a cancelled statement -> 503. */
  @Transform(toInt) @IsInt() @Min(0) @Max(3_600_000)
  DB_STATEMENT_TIMEOUT_MS = 30_000;

  @IsString() @MinLength(1)
  DATA_DIR = './.data';

  @Transform(toInt) @IsOptional() @IsInt() @Min(1024) @Max(65535)
  EMBEDDED_PG_PORT?: number;

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(32)
  JWT_ACCESS_SECRET?: string;

  /** Access token lifetime in seconds (at most 10 minutes). */
  @Transform(toInt) @IsInt() @Min(30) @Max(600)
  ACCESS_TOKEN_TTL = 600;

  /** Refresh token lifetime in seconds (default 14 days). */
  @Transform(toInt) @IsInt() @Min(300) @Max(90 * 24 * 3600)
  REFRESH_TOKEN_TTL = 14 * 24 * 3600;

  /** Days an activation code stays valid. */
  @Transform(toInt) @IsInt() @Min(1) @Max(90)
  ACTIVATION_CODE_DAYS = 14;

  @Transform(toBool) @IsBoolean()
  SEED_DEMO = false;

  @IsString() @MinLength(8)
  DEMO_PASSWORD = 'Demo@12345';

  /** Which admin units to seed: the default province's communes, or every commune of the country. */
  @IsIn(['province', 'all'])
  SEED_UNITS: 'province' | 'all' = 'province';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent' = 'info';

  /** Comma-separated origins allowed by CORS (the SPAs are same-origin; this is for other front ends). */
  @Transform(toList) @IsString({ each: true })
  CORS_ORIGINS: string[] = [];

  /** Base of links printed in QR codes and documents. */
  @Transform(emptyToUndefined) @IsOptional() @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL?: string;

  /** Hours a movement declaration stays valid from submission. */
  @Transform(toInt) @IsInt() @Min(1) @Max(24 * 30)
  DECLARATION_VALID_HOURS = 72;

  /** How epidemic-zone levels 1-4 map to risk: LEVEL:RISK pairs. */
  @Matches(/^[1-4]:(LOW|MEDIUM|HIGH)(,[1-4]:(LOW|MEDIUM|HIGH)){3}$/, { message: 'ZONE_RISK must map levels 1-4, e.g. 1:LOW,2:MEDIUM,3:HIGH,4:HIGH' })
  ZONE_RISK = '1:LOW,2:MEDIUM,3:HIGH,4:HIGH';

  /** Requests per minute per client address on sign-in, registration, activation and refresh. */
  @Transform(toInt) @IsInt() @Min(1)
  RATE_LIMIT_AUTH_PER_MINUTE = 20;

  /** Requests per minute per client address on other public endpoints. */
  @Transform(toInt) @IsInt() @Min(1)
  RATE_LIMIT_PUBLIC_PER_MINUTE = 300;

  /** Seconds between refreshes of the dashboards' rollups (at most about a minute stale); 0: refresh before every dashboard read. */
  @Transform(toInt) @IsInt() @Min(0) @Max(3600)
  ROLLUP_REFRESH_SECONDS = 30;

  /** Worker threads rendering PDFs off the event loop (0: render on the event loop); unset: min(2, cores). */
  @Transform(toInt) @IsOptional() @IsInt() @Min(0) @Max(32)
  PDF_WORKERS?: number;

  /** Trust X-Forwarded-For from a load balancer in front of the API. */
  @Transform(toBool) @IsBoolean()
  TRUST_PROXY = false;

  /** Where the built SPAs live (defaults to the monorepo's apps/<app>/dist). */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  WEB_ROOT?: string;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get publicUrl(): string {
    return this.PUBLIC_URL ?? `http://localhost:${this.PORT}`;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Reads and validates the configuration; throws ConfigError listing every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, unknown> = {};
  for (const key of [...known, 'DATABASE_URL', 'DATABASE_READ_URL', 'EMBEDDED_PG_PORT', 'JWT_ACCESS_SECRET', 'PUBLIC_URL', 'PDF_WORKERS', 'WEB_ROOT']) {
    if (env[key] !== undefined) raw[key] = env[key];
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')} (got ${JSON.stringify(e.value)})`);
  if (config.isProduction) {
    if (!config.DATABASE_URL) problems.push('DATABASE_URL: required in production (no embedded database)');
    if (!config.JWT_ACCESS_SECRET) problems.push('JWT_ACCESS_SECRET: required in production (at least 32 characters)');
    if (config.SEED_DEMO) problems.push('SEED_DEMO: must be off in production');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
