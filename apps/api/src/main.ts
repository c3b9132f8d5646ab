import 'reflect-metadata';
import { ConfigError } from './config/app-config';
import { startServer } from './server';

async function main(): Promise<void> {
  const started = Date.now();
  const server = await startServer();
  const { url, config, demoAccounts } = server;
  const lines = [
    '',
    `Cordon is running (${((Date.now() - started) / 1000).toFixed(1)} s):`,
    `  Landing page      ${url}/`,
    `  Citizen app       ${url}/citizen/`,
    `  Commune app       ${url}/commune/`,
    `  Province app      ${url}/province/`,
    `  API docs          ${url}/api/docs`,
    `  Health            ${url}/api/v1/health`,
  ];
  if (demoAccounts.length) {
    lines.push('', `Demo accounts (password: ${config.DEMO_PASSWORD}):`);
    for (const a of demoAccounts) lines.push(`  ${a.username.padEnd(16)} ${a.role.padEnd(18)} ${a.note}`);
  }
  lines.push('', 'Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n'));

  const shutdown = (signal: string) => {
    process.stdout.write(`\n${signal}: stopping Cordon...\n`);
    const force = setTimeout(() => process.exit(1), 20000);
    force.unref();
    server
      .stop()
      .then(() => {
        process.stdout.write('Stopped.\n');
        process.exit(0);
      })
      .catch((err: unknown) => {
        process.stderr.write(`Error while stopping: ${String(err)}\n`);
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\nSee docs/configuration.md.\n`);
  } else {
    process.stderr.write(`Cordon failed to start: ${(err as Error)?.stack ?? String(err)}\n`);
  }
  process.exit(1);
});
