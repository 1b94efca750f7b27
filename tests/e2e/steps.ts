// Steps several browser tests share. They drive the dashboard through data-testid hooks, so they
// work in either language.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const DEMO_PASSWORD = 'torch-demo-2006';

/** Signs in from a fresh start (no session cookie) with the language set to Chinese. */
export async function signIn(page: Page, baseUrl: string, email: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/sign-in$/);
  await page.getByTestId('lang-zh').click();
  await page.getByTestId('field-email').fill(email);
  await page.getByTestId('field-password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('current-user').waitFor();
}

export async function signOut(page: Page) {
  await page.getByTestId('sign-out').click();
  await page.waitForURL(/\/sign-in$/);
}

/** The texts of the rows of a table once the count has settled at `count`. */
export async function rowsWhenCount(page: Page, testId: string, count: number): Promise<string[]> {
  const rows = page.getByTestId(testId);
  await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(count);
  return rows.allInnerTexts();
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/torch-e2e-${name}.png`, fullPage: true });
}

/** A JSON client signed in as a demo user, outside the browser: "someone else" acting meanwhile. */
export async function apiAs(baseUrl: string, email: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const { accessToken, user } = (await login.json()) as {
    accessToken: string;
    user: { incubatorIds: string[]; tenantId: string | null };
  };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return { user, call };
}

/** Every console error and failed request of a page, with the page's URL at the time. */
export function watchProblems(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} @ ${page.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  // A fetch the page itself cancelled (a query superseded on navigation) is not a failure.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  return problems;
}
