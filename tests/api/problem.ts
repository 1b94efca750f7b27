// The shape every error answer shares (API.md: RFC 9457 problem+json).
import { expect } from 'vitest';

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are whatever JSON came back
  body: any;
  headers: Record<string, unknown>;
}

/** Asserts an RFC 9457 problem with this status; `fields` are paths that must appear in `errors[]`. */
export function expectProblem(res: Answer, status: number, fields: string[] = []) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
  for (const field of fields) {
    expect(res.body.errors, `errors[] should name ${field}`).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: expect.stringMatching(new RegExp(`(^|\\.)${field}$`)) }),
      ]),
    );
  }
}

/** Any error answer at all must be a problem, and never a 5xx. */
export function expectNoServerError(res: Answer, label: string) {
  expect(res.status, `${label} → ${res.status} ${JSON.stringify(res.body)}`).toBeLessThan(500);
  if (res.status >= 400)
    expect(String(res.headers['content-type']), label).toMatch(/^application\/problem\+json/);
}
