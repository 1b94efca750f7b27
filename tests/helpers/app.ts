// The real app (buildApp, the same builder main.ts uses) on a test database, driven by inject.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../server/src/app';
import { type Database, type Db, openDb } from '../../server/src/db/client';
import { createTestDatabase, type TestDatabase } from './test-db';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  testDb: TestDatabase;
  close(): Promise<void>;
  /** JSON request; `token` becomes the bearer header. */
  request(
    options: InjectOptions & { token?: string },
  ): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
}

export async function createTestApp(
  options: {
    forcePglite?: boolean;
    loginRateLimit?: number;
    database?: Database;
    /** With `database`: the handle the app serves on (the app role); default `database` itself. */
    served?: Database;
    expensiveRateLimit?: number;
    maxEventLoopDelayMs?: number;
    smtpUrl?: string;
    mailFrom?: string;
    trustProxy?: boolean;
  } = {},
): Promise<TestApp> {
  // A database the test opened itself (a private cluster) is the test's to close.
  const testDb: TestDatabase = options.database
    ? { database: options.database, url: null, drop: () => options.database!.close() }
    : await createTestDatabase(options);
  // The app serves as the app role under row-level security, as the process does; the test's
  // fixtures (db below) write as the owner.
  const served =
    options.served ??
    (testDb.url
      ? await openDb({ url: testDb.url, max: 5, asApp: true })
      : (testDb.database.serving?.() ?? testDb.database));
  const app = await buildApp({
    database: served,
    config: {
      jwtSecret: TEST_JWT_SECRET,
      production: false,
      loginRateLimit: options.loginRateLimit ?? 1000,
      expensiveRateLimit: options.expensiveRateLimit ?? 1000,
      maxEventLoopDelayMs: options.maxEventLoopDelayMs ?? 10_000,
      logLevel: 'silent',
      smtpUrl: options.smtpUrl,
      trustProxy: options.trustProxy,
      mailFrom: options.mailFrom,
    },
  });
  await app.ready();
  return {
    app,
    db: testDb.database.db,
    testDb,
    close: async () => {
      await app.close();
      // A pool of its own (PostgreSQL); the embedded handle shares the test database's connection.
      if (served.kind === 'postgres' && served !== testDb.database) await served.close();
      await testDb.drop();
    },
    request: async ({ token, headers, ...rest }) => {
      const response = await app.inject({
        ...rest,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      } as InjectOptions);
      let body: unknown = response.body;
      try {
        body = response.body ? JSON.parse(response.body) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.statusCode, body, headers: response.headers as Record<string, unknown> };
    },
  };
}
