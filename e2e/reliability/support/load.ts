import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD, ROOT } from '../../support/cordon';

/** Figures of the reliability checks land here (gitignored), one JSON file per check. */
export const RESULTS_DIR = join(ROOT, 'e2e/reliability/results');

export function writeResults(name: string, figures: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  return file;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function vietnamToday(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

let sequence = 0;
/** A 12-digit ID number no demo account has, unique within this process. */
export function uniqueIdNumber(prefix = '0081'): string {
  sequence += 1;
  return `${prefix}${String(Date.now() % 1e4).padStart(4, '0')}${String(sequence % 1e4).padStart(4, '0')}`;
}

/** A valid movement declaration (anonymous traveller) into the province. */
export function declarationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    traveller: { fullName: `Hà Văn Đi ${sequence + 1}`, idNumber: uniqueIdNumber('0010'), dateOfBirth: '1988-08-08', gender: 'MALE', phone: '0987654321' },
    originUnitCode: '001',
    originAddress: 'Số 1 Tràng Tiền',
    destinationCommuneCode: '02212',
    destinationAddress: 'Tổ 7',
    travelDate: vietnamToday(),
    transportMode: 'CAR',
    vehiclePlate: '29A-123.45',
    purpose: 'Thăm gia đình',
    symptoms: [],
    contactWithCase: false,
    stayedInZone: false,
    vaccineDoses: 2,
    ...overrides,
  };
}

/** An F0 report a citizen files for a relative (a new ID number each time, so each report can open its own case). */
export function infectionReportBody(communeCode: string): Record<string, unknown> {
  return {
    forSelf: false,
    person: { fullName: `Nguyễn Thị Thân ${sequence + 1}`, idNumber: uniqueIdNumber('0081'), dateOfBirth: '1990-05-05', gender: 'FEMALE', relation: 'SPOUSE' },
    communeCode,
    address: 'Tổ 5',
    testType: 'RAPID_SELF',
    testDate: vietnamToday(),
    symptoms: ['FEVER'],
    vaccineDoses: 2,
  };
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  ms: number;
  /** Set when no HTTP answer came (connection refused or reset, timeout). */
  error?: string;
}

/** One API call that never throws: a missing answer comes back as status 0 with the error. */
export async function call<T = unknown>(base: string, path: string, init: { method?: string; body?: unknown; token?: string; timeoutMs?: number; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}/api/v1${path}`, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
      body: init.body ? JSON.stringify(init.body) : undefined,
      signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return { status: res.status, body: body as T, ms: performance.now() - t0 };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { status: 0, body: null as T, ms: performance.now() - t0, error: e.cause?.code ?? e.name ?? String(err) };
  }
}

/** Signs a demo account in; returns the access token. */
export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await call<{ accessToken: string }>(base, '/auth/login', { body: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)} ${res.error ?? ''}`);
  return res.body.accessToken;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const round = (ms: number) => Math.round(ms);
