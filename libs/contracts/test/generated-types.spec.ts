import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');

describe('generated API types', () => {
  it('match the committed OpenAPI document (run `pnpm --filter @cordon/contracts generate` when this fails)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'contracts-')), 'openapi.ts');
    execFileSync(join(root, 'node_modules/.bin/openapi-typescript'), [join(root, 'openapi.json'), '-o', out], { stdio: 'pipe' });
    expect(readFileSync(join(root, 'src/generated/openapi.ts'), 'utf8')).toBe(readFileSync(out, 'utf8'));
  });
});
