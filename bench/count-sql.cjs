// Preloaded into a server under benchmark (node --require): counts the SQL statements it sends, by kind
// (first keyword), and times them (from sending to the answer, pool waits excluded) by statement text; writes
// both to $BENCH_SQL_COUNTS (counts) and $BENCH_SQL_COUNTS.times whenever the process gets SIGUSR2.
const { writeFileSync } = require('node:fs');
const { dirname } = require('node:path');

const counts = {};
const times = {};
const from = process.env.BENCH_PG_FROM ?? process.cwd();
const pg = require(require.resolve('pg', { paths: [from, dirname(require.resolve('pg', { paths: [from] }))] }));
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function query(config, ...rest) {
  const text = typeof config === 'string' ? config : config && config.text;
  if (typeof text !== 'string') return original.call(this, config, ...rest);
  const kind = (/^\s*(\w+)/.exec(text)?.[1] ?? 'OTHER').toUpperCase();
  counts[kind] = (counts[kind] ?? 0) + 1;
  const statement = text.replace(/\s+/g, ' ').trim().slice(0, 90);
  const t0 = performance.now();
  const done = () => {
    const t = (times[statement] ??= { count: 0, ms: 0 });
    t.count++;
    t.ms += performance.now() - t0;
  };
  const callback = typeof rest.at(-1) === 'function' ? rest.pop() : null;
  if (callback) return original.call(this, config, ...rest, (...args) => (done(), callback(...args)));
  const result = original.call(this, config, ...rest);
  if (result && typeof result.then === 'function') result.then(done, done);
  return result;
};
process.on('SIGUSR2', () => {
  writeFileSync(process.env.BENCH_SQL_COUNTS, JSON.stringify(counts));
  writeFileSync(`${process.env.BENCH_SQL_COUNTS}.times`, JSON.stringify(times));
});
