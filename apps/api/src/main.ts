import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { readyBanner } from './config/logging';
import { createApp } from './create-app';
import { EmbeddedPostgres, EmbeddedPostgresError } from './database/embedded-postgres';
import { DEMO_PASSWORD, DEMO_USERS } from './database/seed/demo-data';
import { prepareDatabase } from './prepare-database';

function log(message: string): void {
  process.stdout.write(`[twinning] ${message}\n`);
}

function fail(message: string): never {
  process.stderr.write(`[twinning] ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const seedOnly = process.argv.includes('--seed-only');
  // dist/apps/api/main.js serves dist/apps/web when it has been built.
  const webDistDir = path.resolve(__dirname, '..', 'web');
  let config: AppConfig;
  try {
    config = loadConfig(process.env, {
      webDistDir: existsSync(path.join(webDistDir, 'index.html')) ? webDistDir : null,
    });
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }

  let embedded: EmbeddedPostgres | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = new EmbeddedPostgres({
      dataDir: path.join(config.dataDir, 'postgres'),
      port: config.embeddedPgPort,
      database: 'twinning',
      log,
    });
    log(`DATABASE_URL is not set: starting the embedded PostgreSQL on 127.0.0.1:${config.embeddedPgPort}.`);
    try {
      databaseUrl = await embedded.start();
    } catch (err) {
      await embedded.stop();
      if (err instanceof EmbeddedPostgresError) fail(err.message);
      throw err;
    }
  }

  let shuttingDown = false;
  const stopEmbedded = async () => {
    if (embedded) {
      await embedded.stop();
      log('Embedded PostgreSQL stopped.');
    }
  };

  try {
    await prepareDatabase(databaseUrl, { seed: seedOnly || config.seedDemo, log, config });
  } catch (err) {
    await stopEmbedded();
    fail(`Could not prepare the database: ${(err as Error).message}`);
  }
  if (seedOnly) {
    await stopEmbedded();
    return;
  }
  if (!config.webDistDir) log('The web client is not built (dist/apps/web); serving the API only.');

  const app = await createApp(config, databaseUrl);
  await app.listen({ port: config.port, host: config.host });
  const demo = config.demoMode && config.seedDemo ? { email: DEMO_USERS[0].email, password: DEMO_PASSWORD } : null;
  for (const line of readyBanner(config, demo)) log(line);

  const shutdown = async (signal: string) => {
    if (shuttingDown) {
      log(`${signal} again: exiting now.`);
      process.exit(1);
    }
    shuttingDown = true;
    log(`${signal} received: finishing in-flight requests and shutting down.`);
    const force = setTimeout(() => {
      log('Shutdown took longer than 20 s; exiting.');
      process.exit(1);
    }, 20_000);
    force.unref();
    try {
      await app.close();
    } catch (err) {
      log(`Error while closing: ${(err as Error).message}`);
    }
    await stopEmbedded();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`[twinning] Fatal: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
