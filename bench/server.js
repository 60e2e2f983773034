// One HTTP server for the benchmark, in its own process so that it never shares an event loop
// with the load generator. `node bench/server.js peer` starts a bare Fastify app with one route
// returning a constant JSON object; `node bench/server.js app` starts Omstilling itself (the
// BUILT server from packages/server/dist) on a temp SQLite file with the Asker demo.
// `node bench/server.js payload FILE [ENCODING]` is the diagnostic peer: a bare Fastify route serving the
// bytes of FILE (the program API's own response, as sent), to tell payload cost from app overhead.
// It reports its port to the parent over IPC and stops when the parent disconnects.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';

const REPO = path.resolve(import.meta.dirname, '..');
const mode = process.argv[2];
let close = async () => {};

if (mode === 'peer') {
  const app = Fastify({ logger: false });
  const body = { hello: 'world' };
  app.get('/', async () => body);
  await app.listen({ port: 0, host: '127.0.0.1' });
  close = () => app.close();
  process.send({ port: app.server.address().port });
} else if (mode === 'payload') {
  const body = fs.readFileSync(process.argv[3]);
  const encoding = process.argv[4] && process.argv[4] !== 'identity' ? process.argv[4] : null;
  const app = Fastify({ logger: false });
  app.get('/', (req, reply) => {
    if (encoding) reply.header('content-encoding', encoding);
    return reply.type('application/json; charset=utf-8').send(body);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  close = () => app.close();
  process.send({ port: app.server.address().port });
} else if (mode === 'app') {
  const dist = path.join(REPO, 'packages/server/dist');
  const { loadConfig } = await import(path.join(dist, 'platform/config.js'));
  const { bootstrap } = await import(path.join(dist, 'platform/bootstrap.js'));
  const { seedDemo } = await import(path.join(dist, 'demo/demo.service.js'));
  const { buildApp } = await import(path.join(dist, 'app.js'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omstilling-bench-'));
  const config = loadConfig(
    {
      DATABASE_URL: `sqlite:${path.join(tmp, 'bench.db')}`,
      STORAGE_DIR: path.join(tmp, 'storage'),
      DATA_DIR: path.join(REPO, 'data'),
      WEB_DIST_DIR: path.join(REPO, 'packages/web/dist'),
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
    },
    REPO,
  );
  const deps = await bootstrap(config);
  await seedDemo(deps, 'asker');
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  close = async () => {
    await app.close();
    await deps.database.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.send({ port: app.server.address().port });
} else {
  console.error('usage: node bench/server.js peer|app|payload FILE');
  process.exit(2);
}

const stop = () =>
  close()
    .catch((e) => console.error(e))
    .finally(() => process.exit(0));
process.on('disconnect', stop);
process.on('SIGTERM', stop);
