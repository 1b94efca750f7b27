// An incubator manager's day in a real browser against the real server: sign in, search the
// tenants, get refused for bad input (by the shared schema, then by the API), admit a company,
// find it in the list, and read it all again in English after a reload.
import { usccCheckChar } from '@torch/shared';
import { describe, expect, it } from 'vitest';
import { makeUscc } from '../../server/src/demo/uscc-maker';
import { useLiveApp } from '../helpers/live-app';
import { rowsWhenCount, screenshot, signIn, signOut } from './steps';

const WUHAN_TENANTS = 7;
/** The small demo's first Wuhan company (incubating): admitting it again is a conflict. */
const INCUBATING_USCC = makeUscc('420100', 7_000_001);

function freshUscc(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '';
  for (let i = 0; i < 9; i++) body += alphabet[Math.floor(Math.random() * alphabet.length)];
  const first17 = `91420100${body}`;
  return first17 + usccCheckChar(first17);
}

/** The same code with a wrong check character. */
function withBadCheckChar(uscc: string): string {
  const wrong = uscc.endsWith('0') ? '1' : '0';
  return uscc.slice(0, 17) + wrong;
}

describe('incubator manager in the browser', () => {
  const live = useLiveApp();

  it('signs in, searches, admits a tenant, refuses bad input and switches to English', async () => {
    const page = await live.browser.newPage();
    const admissions: number[] = [];
    page.on('response', (response) => {
      const request = response.request();
      if (
        request.method() === 'POST' &&
        /\/api\/v1\/incubators\/[^/]+\/tenants$/.test(new URL(request.url()).pathname)
      ) {
        admissions.push(response.status());
      }
    });

    await signIn(page, live.server.url, 'manager.wuhan@torch.demo');
    await expect.poll(() => page.getByTestId('incubator-name').textContent()).toBe('武汉东湖新技术创业中心');
    await rowsWhenCount(page, 'tenant-row', WUHAN_TENANTS);
    expect(await page.getByTestId('list-total').textContent()).toBe(`共 ${WUHAN_TENANTS} 条`);
    expect(await page.getByTestId('overdue-badge').count()).toBeGreaterThan(0);

    // Search (debounced, kept in the URL).
    await page.getByTestId('tenant-search').fill('光谷');
    await page.waitForURL(/q=%E5%85%89%E8%B0%B7/);
    expect(await rowsWhenCount(page, 'tenant-row', 1)).toEqual([
      expect.stringContaining('武汉光谷芯微电子有限公司'),
    ]);
    await screenshot(page, 'manager-search');

    // Admit: first a code with a wrong check character — refused before anything is sent.
    await page.getByTestId('admit-tenant').click();
    await page.getByTestId('admit-form').waitFor();
    const uscc = freshUscc();
    const name = '武汉光谷星辰智能科技有限公司';
    await page.getByTestId('field-uscc').fill(withBadCheckChar(uscc));
    await page.getByTestId('field-name').fill(name);
    await page.getByTestId('field-field').selectOption('electronic_information');
    await page.getByTestId('field-registeredCapital').fill('500');
    expect(await page.locator('#field-registeredCapital-hint').textContent()).toBe('= 5,000,000 元');
    await page.getByTestId('trait-scientist').check();
    await page.getByTestId('field-areaOccupied').fill('150');
    await page.getByTestId('field-admittedOn').fill('2025-03-01');

    // Founded long before admission: the reason field appears (shared isAdmissionException).
    await page.getByTestId('field-foundedOn').fill('2020-01-10');
    await page.getByTestId('field-admissionExceptionReason').waitFor();
    await page.getByTestId('field-foundedOn').fill('2025-01-10');
    await page.getByTestId('field-admissionExceptionReason').waitFor({ state: 'detached' });

    await page.getByTestId('admit-submit').click();
    expect(await page.getByTestId('error-uscc').textContent()).toBe('统一社会信用代码校验位不正确');
    await screenshot(page, 'manager-admit-invalid');
    expect(admissions).toEqual([]);
    expect(page.url()).toMatch(/\/admit$/);

    // A company already incubating: the API refuses (409) and its errors[] lands on the field.
    await page.getByTestId('field-uscc').fill(INCUBATING_USCC);
    await page.getByTestId('admit-submit').click();
    await expect
      .poll(() => page.getByTestId('error-uscc').textContent())
      .toBe('该企业正在某孵化器在孵，不能重复登记');
    expect(admissions).toEqual([409]);

    // A valid code: admitted, and the detail page shows it.
    await page.getByTestId('field-uscc').fill(uscc.toLowerCase());
    await page.getByTestId('admit-submit').click();
    await page.waitForURL(/\/tenants\/[0-9a-f-]{36}$/);
    expect(admissions).toEqual([409, 201]);
    await expect.poll(() => page.getByTestId('tenant-name').textContent()).toBe(name);
    const facts = await page.getByTestId('tenant-facts').textContent();
    expect(facts).toContain('500.00 万元');
    expect(facts).toContain('科技人员');
    expect(facts).toContain('2029-03-01'); // incubation ends 48 months after admission
    expect(await page.getByText(uscc).count()).toBe(1); // stored normalised (upper case)
    await screenshot(page, 'manager-admitted');

    // The list shows it (the admission invalidated the cached list), and only once.
    await page.getByTestId('nav-my-incubator').click();
    await rowsWhenCount(page, 'tenant-row', WUHAN_TENANTS + 1);
    await page.getByTestId('tenant-search').fill('光谷');
    const found = await rowsWhenCount(page, 'tenant-row', 2);
    expect(found.filter((row) => row.includes(name))).toHaveLength(1);

    // Filter and sort go to the API as parameters.
    await page.getByTestId('tenant-search').fill('');
    await rowsWhenCount(page, 'tenant-row', WUHAN_TENANTS + 1);
    await page.getByTestId('tenant-status-filter').selectOption('graduated');
    expect(await rowsWhenCount(page, 'tenant-row', 1)).toEqual([
      expect.stringContaining('武汉云帆软件技术有限公司'),
    ]);
    await page.getByTestId('tenant-status-filter').selectOption('');
    await page.getByTestId('sort-name').click();
    await page.waitForURL(/sort=name/);
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('企业名称');
    await page.getByTestId('sort-name').click();
    await page.waitForURL(/sort=-name/);
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('企业名称');

    // A hidden column stays hidden across a reload; the header stays in view over the rows.
    await page.locator('[data-testid="columns-menu"] summary').click();
    await page.getByTestId('column-areaOccupied').uncheck();
    const tenantsHeader = page.locator('[data-testid="tenants-table"] thead');
    expect(await tenantsHeader.textContent()).not.toContain('使用面积');
    await page.reload();
    await rowsWhenCount(page, 'tenant-row', WUHAN_TENANTS + 1);
    expect(await tenantsHeader.textContent()).not.toContain('使用面积');
    expect(
      await tenantsHeader
        .locator('th')
        .first()
        .evaluate((th) => getComputedStyle(th).position),
    ).toBe('sticky');
    await page.locator('[data-testid="columns-menu"] summary').click();
    await page.getByTestId('column-areaOccupied').check();
    expect(await tenantsHeader.textContent()).toContain('使用面积');
    await page.getByTestId('sort-name').click();
    await page.waitForURL(/sort=name/);

    // English, remembered across a reload (which also restores the session from the cookie).
    await page.getByTestId('lang-en').click();
    const header = await page.locator('[data-testid="tenants-table"] thead').textContent();
    expect(header).toContain('Name');
    expect(header).toContain('Technology field');
    expect(header).toContain('Registered capital');
    await page.reload();
    await rowsWhenCount(page, 'tenant-row', WUHAN_TENANTS + 1);
    // Intl puts a no-break space between the currency code and the amount.
    const table = ((await page.getByTestId('tenants-table').textContent()) ?? '').replace(/\u00a0/g, ' ');
    expect(table).toContain('Incubating');
    expect(table).toContain('Electronic information');
    expect(table).toContain('CNY 5M');
    expect(await page.getByTestId('nav-my-incubator').textContent()).toBe('My incubator');
    await screenshot(page, 'manager-english');

    await signOut(page);
    expect(await page.getByTestId('sign-in-submit').textContent()).toBe('Sign in');
    expect(live.browser.errors).toEqual([]);
  });

  it('shows a 404 page for an unknown address and an error for a tenant out of scope', async () => {
    const page = await live.browser.newPage();
    await signIn(page, live.server.url, 'manager.wuhan@torch.demo');
    await page.goto(`${live.server.url}/no/such/page`);
    await page.getByTestId('not-found').waitFor();
    await page.goto(`${live.server.url}/tenants/00000000-0000-4000-8000-000000000000`);
    expect(await page.getByTestId('error-state').textContent()).toContain('未找到');
    await signOut(page);
  });
});
