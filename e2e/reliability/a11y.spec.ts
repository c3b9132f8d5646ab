import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn } from '../support/browser';
import { DEMO_PASSWORD, removeDataDir, startCordon, tempDataDir, type Cordon } from '../support/cordon';
import { call, declarationBody, infectionReportBody, login, RESULTS_DIR, writeResults } from './support/load';

/**
 * Accessibility: the main pages of the three apps, signed in as the demo user who works there, checked
 * with axe-core (WCAG 2.0/2.1 A and AA rules, plus axe's best practices) in Chromium. No page may have a
 * serious or critical violation; moderate and minor ones are listed in the figures.
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const PARALLEL_PAGES = 3;
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;
type Impact = (typeof IMPACTS)[number];

interface Violation {
  id: string;
  impact: Impact | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

interface Target {
  name: string;
  app: 'citizen' | 'commune' | 'province';
  /** Signed in as this demo account; null: the sign-in page, signed out. */
  user: string | null;
  path: () => string;
  /** Shown once the page has its content. */
  ready?: string;
  phone?: boolean;
}

let cordon: Cordon;
let browser: Browser;
const dataDir = tempDataDir();
const ids = { declaration: '', case: '' };

beforeAll(async () => {
  [cordon, browser] = await Promise.all([startCordon(dataDir), launchBrowser()]);
  // Data the pages show: a declaration with its QR code, a case, and a decision waiting for signature.
  const citizen = await login(cordon.url, '0912000001');
  const { traveller: _traveller, ...trip } = declarationBody();
  ids.declaration = (await call<{ id: string }>(cordon.url, '/movement-declarations', { body: { ...trip, forSelf: true }, token: citizen })).body.id;
  const report = await call<{ id: string }>(cordon.url, '/case-reports/infection', { body: infectionReportBody('02212'), token: citizen });
  await call(cordon.url, '/case-reports/infection', { body: infectionReportBody('02212'), token: citizen }); // one left in the inbox
  const staff = await login(cordon.url, 'staff.02212');
  const accepted = await call<{ case: { id: string } }>(cordon.url, `/case-reports/${report.body.id}/accept`, { body: {}, token: staff });
  ids.case = accepted.body.case.id;
  const draft = await call(cordon.url, '/isolation-decisions', { body: { reportIds: [report.body.id] }, token: staff });
  if (!ids.declaration || !ids.case || draft.status !== 201) throw new Error('could not prepare the data the pages show');
});

afterAll(async () => {
  await browser?.close();
  await cordon?.stop();
  removeDataDir(dataDir);
});

const TARGETS: Target[] = [
  { name: 'citizen: sign-in', app: 'citizen', user: null, path: () => '/login', phone: true },
  { name: 'citizen: home', app: 'citizen', user: '0912000001', path: () => '/', ready: '[data-testid="home-title"]', phone: true },
  { name: 'citizen: new F0 report', app: 'citizen', user: '0912000001', path: () => '/reports/new?commune=02212', phone: true },
  { name: 'citizen: movement declaration form', app: 'citizen', user: '0912000001', path: () => '/declarations/new', phone: true },
  { name: 'citizen: declaration QR', app: 'citizen', user: '0912000001', path: () => `/declarations/${ids.declaration}`, ready: '[data-testid="declaration-qr"]', phone: true },
  { name: 'citizen: anonymous declaration', app: 'citizen', user: null, path: () => '/declare', phone: true },
  { name: 'commune: sign-in', app: 'commune', user: null, path: () => '/login' },
  { name: 'commune: inbox', app: 'commune', user: 'staff.02212', path: () => '/reports' },
  { name: 'commune: a case', app: 'commune', user: 'staff.02212', path: () => `/cases/${ids.case}` },
  { name: 'commune: documents and signing', app: 'commune', user: 'leader.02212', path: () => '/decisions' },
  { name: 'province: sign-in', app: 'province', user: null, path: () => '/login' },
  { name: 'province: accounts', app: 'province', user: 'admin', path: () => '/accounts' },
  { name: 'province: account creation', app: 'province', user: 'admin', path: () => '/accounts/new' },
  { name: 'province: audit', app: 'province', user: 'admin', path: () => '/audit' },
  { name: 'province: deployment', app: 'province', user: 'admin', path: () => '/deployment' },
  { name: 'province: dashboard', app: 'province', user: 'health', path: () => '/dashboard' },
  { name: 'province: arrivals', app: 'province', user: 'health', path: () => '/arrivals' },
  { name: 'province: daily report', app: 'province', user: 'health', path: () => '/daily-report' },
  { name: 'province: zones', app: 'province', user: 'health', path: () => '/zones' },
  { name: 'province: scan', app: 'province', user: 'officer.ql2-pt', path: () => '/scan', phone: true },
  { name: 'province: paper entry', app: 'province', user: 'officer.ql2-pt', path: () => '/paper', phone: true },
  { name: 'province: green lane', app: 'province', user: 'transport', path: () => '/green-lane' },
];

/** One browser context per account (and per app for the signed-out pages), signed in through the sign-in page. */
const contexts = new Map<string, Promise<BrowserContext>>();
function contextFor(target: Target): Promise<BrowserContext> {
  const key = `${target.app}:${target.user ?? '-'}`;
  let ctx = contexts.get(key);
  if (!ctx) {
    ctx = (async () => {
      const context = await browser.newContext({
        viewport: target.phone ? { width: 360, height: 740 } : { width: 1280, height: 860 },
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        bypassCSP: true, // axe is injected as an inline script; the apps' CSP allows only their own scripts
      });
      if (target.user) {
        const page = await context.newPage();
        await page.goto(`${cordon.url}/${target.app}/login`);
        await page.getByTestId('signin-title').waitFor();
        await signIn(page, target.user, DEMO_PASSWORD);
        await page.waitForURL((url) => !url.pathname.endsWith('/login'));
        await page.close();
      }
      return context;
    })();
    contexts.set(key, ctx);
  }
  return ctx;
}

async function settle(page: Page, name: string, ready?: string): Promise<void> {
  try {
    if (ready) await page.locator(ready).first().waitFor({ timeout: 60_000 });
    await page.locator('h1').first().waitFor({ timeout: 60_000 });
  } catch (err) {
    // Say what the page showed instead (and keep a screenshot next to the figures).
    const file = join(RESULTS_DIR, `a11y-${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: file }).catch(() => undefined);
    const text = (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 400);
    throw new Error(`${name}: the page did not show ${ready ?? 'a heading'} (${page.url()}; screenshot ${file}): ${text}`, { cause: err });
  }
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  // Lists show skeletons while loading: wait for them to go.
  await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'), undefined, { timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(150);
}

/** Runs axe-core (already injected) on the whole document: the violations, and how many rules passed or need a human look. */
async function runAxe(page: Page): Promise<{ violations: Violation[]; passed: number; incomplete: number }> {
  return page.evaluate(async (tags) => {
    type Result = { violations: Violation[]; passes: unknown[]; incomplete: unknown[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return {
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })),
      passed: result.passes.length,
      incomplete: result.incomplete.length,
    };
  }, TAGS);
}

async function audit(target: Target): Promise<{ violations: Violation[]; passed: number; incomplete: number; url: string; ms: number; axeMs: number }> {
  const started = performance.now();
  const context = await contextFor(target);
  const page = await context.newPage();
  try {
    await page.goto(`${cordon.url}/${target.app}${target.path()}`);
    await settle(page, target.name, target.ready);
    const settled = performance.now();
    await page.addScriptTag({ content: AXE_SOURCE });
    const { violations, passed, incomplete } = await runAxe(page);
    return { violations, passed, incomplete, url: page.url(), ms: performance.now() - started, axeMs: performance.now() - settled };
  } finally {
    await page.close();
  }
}

describe('accessibility (axe-core, WCAG 2.1 A/AA and best practices)', () => {
  it('reports violations on a page made to have them (the check itself works)', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.setContent('<html lang="vi"><head><title>x</title></head><body><main><h1>Thử</h1><img src="data:,"><button></button><p style="color:#aaa;background:#fff">mờ</p></main></body></html>');
    await page.addScriptTag({ content: AXE_SOURCE });
    const { violations } = await runAxe(page);
    await context.close();
    expect(violations.map((v) => v.id)).toEqual(expect.arrayContaining(['image-alt', 'button-name', 'color-contrast']));
  });

  it('finds no serious or critical violation on the main pages of the three apps', async () => {
    const rows: { page: string; url: string; ms: number; axeMs: number; rulesPassed: number; rulesToReview: number; counts: Record<Impact, number>; violations: { id: string; impact: Impact | null; nodes: number; help: string; targets: string[] }[] }[] = [];
    // A few pages at a time: most of a page's time is waiting (sign-in, loading), not axe itself.
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL_PAGES }, async () => {
        while (next < TARGETS.length) {
          const index = next++;
          const target = TARGETS[index];
          const { violations, passed, incomplete, url, ms, axeMs } = await audit(target);
          // The page itself was checked, not a redirection to the sign-in or no-access page.
          expect(new URL(url).pathname, target.name).toBe(`/${target.app}${target.path().split('?')[0]}`);
          const counts = Object.fromEntries(IMPACTS.map((i) => [i, violations.filter((v) => v.impact === i).length])) as Record<Impact, number>;
          rows[index] = {
            page: target.name,
            url: new URL(url).pathname,
            ms: Math.round(ms),
            axeMs: Math.round(axeMs),
            rulesPassed: passed,
            rulesToReview: incomplete,
            counts,
            violations: violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })),
          };
        }
      }),
    );
    const table = rows.map((r) => ({ page: r.page, ...r.counts, passed: r.rulesPassed, ms: r.ms, rules: r.violations.map((v) => `${v.id}(${v.impact})`).join(' ') }));
    console.table(table);
    const serious = rows.flatMap((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ page: r.page, ...v })));
    if (serious.length) console.log('serious or critical:', JSON.stringify(serious, null, 2));
    writeResults('a11y', { tags: TAGS, axeVersion: JSON.parse(readFileSync(createRequire(import.meta.url).resolve('axe-core/package.json'), 'utf8')).version, pages: rows.length, rows });
    expect(rows.filter(Boolean)).toHaveLength(TARGETS.length);
    expect(serious).toEqual([]);
  });
});
