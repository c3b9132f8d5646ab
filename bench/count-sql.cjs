// Preloaded into a server under benchmark (node --require): counts the SQL statements it sends, by kind
// (first keyword), and writes the totals to $BENCH_SQL_COUNTS whenever the process gets SIGUSR2.
const { writeFileSync } = require('node:fs');
const { dirname } = require('node:path');

const counts = {};
const from = process.env.BENCH_PG_FROM ?? process.cwd();
const pg = require(require.resolve('pg', { paths: [from, dirname(require.resolve('pg', { paths: [from] }))] }));
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function query(config, ...rest) {
  const text = typeof config === 'string' ? config : config && config.text;
  if (typeof text === 'string') {
    const kind = (/^\s*(\w+)/.exec(text)?.[1] ?? 'OTHER').toUpperCase();
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return original.call(this, config, ...rest);
};
process.on('SIGUSR2', () => writeFileSync(process.env.BENCH_SQL_COUNTS, JSON.stringify(counts)));
