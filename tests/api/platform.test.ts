// The process-level endpoints: health (API.md "Running") and the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';
import type { Database } from '../../server/src/db/client';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app';

describe('health and OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('GET /api/health answers 200 { status: "ok" } without a token', async () => {
    const res = await t.request({ method: 'GET', url: '/api/health' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok' });
  });

  it('GET /api/health answers 503 when the database does not answer, failing or hanging', async () => {
    const config = { jwtSecret: TEST_JWT_SECRET, production: false, loginRateLimit: 10, logLevel: 'silent' };
    const down: Database = {
      ...t.testDb.database,
      ping: () => Promise.reject(new Error('connection refused')),
      close: async () => {},
    };
    const hanging: Database = {
      ...t.testDb.database,
      ping: () => new Promise(() => {}),
      close: async () => {},
    };
    for (const database of [down, hanging]) {
      const app = await buildApp({ database, config });
      try {
        const res = await app.inject({ method: 'GET', url: '/api/health' });
        expect(res.statusCode).toBe(503);
        expect(res.json()).toMatchObject({ status: 'unavailable' });
      } finally {
        await app.close();
      }
    }
  }, 10_000);

  it('serves an OpenAPI 3 document listing the routes with their parameters', async () => {
    const res = await t.request({ method: 'GET', url: '/api/openapi.json' });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    const expected: [string, string[]][] = [
      ['/api/health', ['get']],
      ['/api/v1/auth/login', ['post']],
      ['/api/v1/auth/refresh', ['post']],
      ['/api/v1/auth/logout', ['post']],
      ['/api/v1/me', ['get']],
      ['/api/v1/provinces', ['get']],
      ['/api/v1/parks', ['get']],
      ['/api/v1/fields', ['get']],
      ['/api/v1/incubators', ['get', 'post']],
      ['/api/v1/incubators/{id}', ['get', 'patch']],
      ['/api/v1/incubators/{id}/tenants', ['get', 'post']],
      ['/api/v1/tenants/{id}', ['get', 'patch']],
    ];
    for (const [path, methods] of expected) {
      expect(Object.keys(paths), path).toContain(path);
      for (const method of methods) expect(paths[path], `${method} ${path}`).toHaveProperty(method);
    }
    // Generated from the zod schemas: the request body and the query filters are described.
    const admit = paths['/api/v1/incubators/{id}/tenants']!.post as {
      requestBody?: { content: Record<string, { schema: { properties?: object } }> };
    };
    expect(Object.keys(admit.requestBody!.content['application/json']!.schema.properties ?? {})).toEqual(
      expect.arrayContaining(['name', 'uscc', 'foundedOn', 'admittedOn', 'field']),
    );
    const list = paths['/api/v1/incubators/{id}/tenants']!.get as {
      parameters: { name: string; in: string }[];
    };
    expect(list.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['id', 'status', 'field', 'q', 'overdue', 'page', 'pageSize']),
    );
  });

  it('serves the browsable docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBeLessThan(400);
  });

  it('answers unknown API routes with a 404 problem', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.status).toBe(404);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  });
});
