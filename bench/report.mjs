#!/usr/bin/env node
// Writes a results file of `pnpm bench` as a section of docs/performance.md (newest first, between the
// RESULTS markers). `node bench/report.mjs [bench/results/<file>.json]`; run.mjs calls it after each run.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const DOC = join(ROOT, 'docs/performance.md');
const START = '<!-- RESULTS:START -->';
const END = '<!-- RESULTS:END -->';

export function renderResults(r, file) {
  const lines = [];
  const when = r.startedAt.replace('T', ' ').slice(0, 16);
  lines.push(`### ${when} UTC, ${r.scale} scale (\`${file}\`)`, '');
  lines.push(`Machine: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGb} GB, Node ${r.machine.node}. Load: ${Object.entries(r.load.rows).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}.${r.note ? ` ${r.note}` : ''}`, '');
  lines.push('| hot path | conns | app req/s | app p50 / p99 ms | baseline req/s | baseline p50 / p99 ms | req/s ratio | p99 ratio |', '|---|---|---|---|---|---|---|---|');
  for (const h of r.hotPaths) lines.push(`| ${h.endpoint} | ${h.connections} | ${h.app.rps.toFixed(0)} | ${h.app.p50} / ${h.app.p99} | ${h.baseline.rps.toFixed(0)} | ${h.baseline.p50} / ${h.baseline.p99} | ${h.rpsRatio}x | ${h.p99Ratio}x |`);
  lines.push('', '| SQL statements per request | app | baseline |', '|---|---|---|');
  for (const [name, v] of Object.entries(r.sqlPerRequest)) {
    const fmt = (x) => `${x.total} (${Object.entries(x).filter(([k]) => k !== 'total').map(([k, n]) => `${k} ${n}`).join(', ')})`;
    lines.push(`| ${name} | ${fmt(v.app)} | ${fmt(v.baseline)} |`);
  }
  if (r.sqlTimes) {
    lines.push('', '| SQL under the hot-path load (app) | statements | mean ms |', '|---|---|---|');
    for (const [name, rows] of Object.entries(r.sqlTimes)) for (const t of rows.slice(0, 6)) lines.push(`| ${name}: \`${t.statement.replace(/\|/g, '\\|')}\` | ${t.count} | ${t.meanMs} |`);
  }
  lines.push('', '| endpoint (sequential, one connection) | p50 ms | p95 ms |', '|---|---|---|');
  for (const e of r.endpoints) lines.push(`| ${e.name} | ${e.p50} | ${e.p95 ?? ''} |`);
  const o = r.other;
  lines.push('', '| other | figure |', '|---|---|');
  if (o.rollupCost) lines.push(`| the rollups' cost to the declaration submit (c=16, 40 s runs with and without the refresh timer) | ${o.rollupCost.rounds.map((x) => `${x.withRefresh.toFixed(0)} vs ${x.withoutRefresh.toFixed(0)} req/s`).join(', ')}: worst ${o.rollupCost.costPercent} % |`);
  if (o.csvExport) lines.push(`| CSV export, ${o.csvExport.path} | ${o.csvExport.megabytes} MB in ${o.csvExport.seconds} s; server RSS ${o.csvExport.rssBeforeMb} MB before, ${o.csvExport.rssPeakMb} MB at peak |`);
  if (o.signBatch) lines.push(`| signing a batch of ${o.signBatch.documents} isolation decisions with their PDFs | ${o.signBatch.seconds} s (HTTP ${o.signBatch.status}) |`);
  if (o.import10k) lines.push(`| importing 10,000 accounts (preview, then commit) | preview ${o.import10k.previewSeconds} s, total ${o.import10k.totalSeconds} s (${o.import10k.state}) |`);
  if (o.coldStartSeconds !== undefined) lines.push(`| cold start of \`pnpm start\` on the loaded data folder | ${o.coldStartSeconds} s |`);
  if (o.spaFirstLoadKbGzip) lines.push(`| first load of each SPA, gzipped JS | ${Object.entries(o.spaFirstLoadKbGzip).map(([k, v]) => `${k} ${v} KB`).join(', ')} |`);
  if (o.loadSeconds) lines.push(`| \`pnpm seed:load\` in this run | ${o.loadSeconds.toFixed(0)} s |`);
  lines.push('');
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = join(ROOT, 'bench/results');
  const file = process.argv[2] ?? join(dir, readdirSync(dir).filter((f) => f.endsWith('.json')).sort().at(-1));
  const results = JSON.parse(readFileSync(file, 'utf8'));
  const doc = readFileSync(DOC, 'utf8');
  const [head, rest] = doc.split(START);
  const [body, tail] = rest.split(END);
  const name = file.split('/').at(-1);
  if (body.includes(name)) process.exit(0);
  writeFileSync(DOC, `${head}${START}\n\n${renderResults(results, `bench/results/${name}`)}${body}${END}${tail}`);
  console.log(`docs/performance.md: added the results of ${name}`);
}
