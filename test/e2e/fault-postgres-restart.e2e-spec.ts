import { ADMIN, bearer } from '../support/campaign';
import { type PostgresServer, startPostgresServer } from '../support/postgres-server';
import { type Stack, startStack, overrideEnv } from '../support/stack';

// PostgreSQL restarted while the office reads the board: the API stays up (the board's own pool used to end the
// process with an unhandled 'error' event), answers 503 naming the database while it is down, within 2 s, and
// answers again by itself within seconds of its return.

describe('PostgreSQL restarted under the board', () => {
  let pg: PostgresServer;
  let stack: Stack;
  let restoreEnv = () => {};

  beforeAll(async () => {
    pg = await startPostgresServer();
    const id = Date.now().toString(36);
    restoreEnv = overrideEnv({
      DATABASE_URL: pg.url,
      TEMPORAL_TASK_QUEUE: `duyet-test-pg-${id}`,
      QUEUE_PREFIX: `duyet-test-pg-${id}`,
    });
    stack = await startStack();
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
    restoreEnv();
    pg?.destroy();
  });

  const timed = async <T>(fn: () => Promise<T>) => {
    const t = Date.now();
    const value = await fn();
    return { value, ms: Date.now() - t };
  };

  it('answers 503 naming PostgreSQL while it is down, and the board again once it is back', async () => {
    const auth = await bearer(stack, ADMIN);
    for (let i = 0; i < 5; i++) expect((await stack.http().get('/api/board').set(auth)).status).toBe(200);

    pg.stop();
    // Idle connections of both pools were closed under them: give the 'error' events time to fire.
    await new Promise((r) => setTimeout(r, 500));

    const read = await timed(() => stack.http().get('/api/board').set(auth));
    expect(read.value.status).toBe(503);
    expect(read.value.body).toMatchObject({ code: 'UNAVAILABLE', dependency: 'postgres' });
    expect(read.value.body.message).toContain('Cơ sở dữ liệu (PostgreSQL)');
    expect(read.ms).toBeLessThan(2000);

    const write = await timed(() => stack.http().put('/api/calendar/reminder-hour').set(auth).send({ hour: '07:45' }));
    expect(write.value.status).toBe(503);
    expect(write.value.body.dependency).toBe('postgres');
    expect(write.ms).toBeLessThan(2000);

    const health = await stack.http().get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.down).toContain('postgres');

    pg.start();
    const back = Date.now();
    let status = 0;
    while (Date.now() - back < 20_000) {
      status = (await stack.http().get('/api/board').set(auth)).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const recoveryMs = Date.now() - back;
    process.stdout.write(
      `board answered 503 in ${read.ms} ms while down; 200 again ${recoveryMs} ms after the restart\n`,
    );
    expect(status).toBe(200);
    expect(recoveryMs).toBeLessThan(10_000);
  });
});
