#!/usr/bin/env node
// Gzipped size of the JavaScript a browser loads on the first visit of a built SPA:
// the entry chunk(s) of dist/index.html and, transitively, their static imports
// (dynamic import() chunks are not counted). Usage: node first-load-size.mjs <dist> [limitKB]
import { readFileSync } from 'node:fs';
import { join, dirname, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const limitKb = process.argv[3] ? Number(process.argv[3]) : undefined;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const base = html.match(/src="([^"]*\/)assets\//)?.[1] ?? '/';
const strip = (url) => url.replace(base, '');
const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => strip(m[1]));

const seen = new Set();
const queue = [...entries];
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  // static imports only: `import ... from "./x.js"` and bare `import "./x.js"`
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[^'"()]*?from\s*)?["']([^"']+\.js)["']/g)) {
    queue.push(posix.join(dirname(file), m[1]));
  }
}

let raw = 0;
let gz = 0;
for (const file of seen) {
  const buf = readFileSync(join(dist, file));
  const size = gzipSync(buf, { level: 9 }).length;
  raw += buf.length;
  gz += size;
  console.log(`${file.padEnd(48)} ${(buf.length / 1024).toFixed(2).padStart(8)} KB  gzip ${(size / 1024).toFixed(2).padStart(7)} KB`);
}
console.log(`first-load JS: ${seen.size} files, ${(raw / 1024).toFixed(2)} KB, gzip ${(gz / 1024).toFixed(2)} KB`);
if (limitKb !== undefined && gz / 1024 > limitKb) {
  console.error(`over the ${limitKb} KB budget`);
  process.exit(1);
}
