import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cordon';

describe('citizen app budget (cheap phones on rural 3G)', () => {
  it('loads at most 100 KB of gzipped JavaScript on the first visit', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'libs/web/scripts/first-load-size.mjs'), join(ROOT, 'apps/citizen/dist'), '100'], { encoding: 'utf8' });
    const kb = Number(/first-load JS:.*gzip\s+([\d.]+)\s*KB/.exec(out)?.[1]);
    expect(kb).toBeGreaterThan(10);
    expect(kb).toBeLessThanOrEqual(100);
  });
});
