import { defineConfig } from 'vitest/config';
import { cordonViteConfig } from '../../libs/web/vite.shared.ts';

// Served under /province/ (base), plugin-vue, @cordon/contracts aliased to its TypeScript source,
// /api proxied to http://localhost:3000 in dev, output in dist/, Vitest on jsdom:
// see libs/web/vite.shared.ts (shared by the three SPAs).
export default defineConfig(cordonViteConfig({ app: 'province', port: 5175 }));
