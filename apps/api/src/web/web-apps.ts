import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const WEB_APPS = [
  { name: 'citizen', title: 'Người dân', subtitle: 'Khai báo di chuyển, khai báo F0, giấy tờ của tôi', en: 'Citizens' },
  { name: 'commune', title: 'Xã, phường, thị trấn và huyện', subtitle: 'Tiếp nhận khai báo, quyết định cách ly, xác nhận khỏi bệnh', en: 'Communes and districts' },
  { name: 'province', title: 'Sở, ngành và chốt kiểm soát', subtitle: 'Sở Y tế, Công an tỉnh, Sở GTVT, Sở TT&TT, chốt kiểm soát', en: 'Provincial departments and checkpoints' },
] as const;

export function defaultWebRoot(): string {
  // dist/web -> apps/api -> apps
  return resolve(__dirname, '../../..');
}

function landingPage(available: Set<string>): string {
  const cards = WEB_APPS.map((a) =>
    available.has(a.name)
      ? `<a class="card" href="/${a.name}/"><strong>${a.title}</strong><span>${a.subtitle}</span><em lang="en">${a.en}</em></a>`
      : `<div class="card off"><strong>${a.title}</strong><span>Chưa được build (pnpm build)</span></div>`,
  ).join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Cordon – Phòng chống dịch</title><style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b1f24}main{max-width:720px;margin:0 auto;padding:24px 16px}
h1{font-size:1.6rem;margin:.2em 0}.card{display:block;background:#fff;border:1px solid #d0d7de;border-radius:12px;padding:16px;margin:12px 0;color:inherit;text-decoration:none;min-height:44px}
.card:hover,.card:focus{border-color:#0b5cad;outline:3px solid #0b5cad33}.card strong{display:block;font-size:1.15rem;color:#0b5cad}.card span,.card em{display:block;color:#4a5560}.off{opacity:.6}
footer{margin-top:24px;color:#4a5560;font-size:.9rem}</style></head><body><main>
<h1>Cordon</h1><p>Nền tảng phòng chống dịch của tỉnh · <span lang="en">A province's epidemic-response platform</span></p>${cards}
<footer><a href="/api/docs">API (OpenAPI)</a> · <a href="/api/v1/health">Tình trạng hệ thống</a></footer></main></body></html>`;
}

/**
 * Serves the three built SPAs at /citizen/, /commune/ and /province/ (history-mode routes fall back to
 * index.html; hashed assets are cached for a year) and a landing page at /.
 */
export async function registerWebApps(fastify: FastifyInstance, webRoot: string): Promise<void> {
  const available = new Set<string>();
  let decorated = false;
  for (const app of WEB_APPS) {
    const root = join(webRoot, app.name, 'dist');
    if (!existsSync(join(root, 'index.html'))) continue;
    available.add(app.name);
    await fastify.register(fastifyStatic, {
      root,
      prefix: `/${app.name}/`,
      decorateReply: !decorated,
      wildcard: false,
      index: false,
      serve: false,
    });
    decorated = true;
    const sendIndex = (reply: FastifyReply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html', root);
    fastify.get(`/${app.name}`, (_req, reply) => reply.redirect(`/${app.name}/`, 301));
    fastify.get(`/${app.name}/*`, (req, reply) => {
      const rest = (req.params as { '*': string })['*'] ?? '';
      const file = resolve(root, rest);
      if (rest && file.startsWith(root + '/') && existsSync(file) && statSync(file).isFile()) {
        const immutable = rest.startsWith('assets/');
        return reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(rest, root);
      }
      if (rest.startsWith('assets/')) return reply.code(404).type('text/plain').send('Not found');
      return sendIndex(reply);
    });
  }
  const page = landingPage(available);
  fastify.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(page));
}
