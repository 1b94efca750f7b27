// A company's edit that would move its incubation deadline, in a real browser: the company sees
// it awaits confirmation, the incubator's manager sees it on the dashboard and the tenant page and
// confirms it; the deadline moves only then.
import { incubationEndsOn } from '@torch/shared';
import { describe, expect, it } from 'vitest';
import { useLiveApp } from '../helpers/live-app';
import { apiAs, screenshot, signIn, signOut } from './steps';

interface TenantAnswer {
  id: string;
  incubatorId: string;
  version: number;
  admittedOn: string;
  field: 'biomedicine' | 'other';
  integratedCircuit: boolean;
  incubationEndsOn: string;
}

describe('pending deadline changes in the browser', () => {
  const live = useLiveApp();

  it('the company asks, the manager confirms, the deadline moves', async () => {
    const company = await apiAs(live.server.url, 'tenant.wuhan@torch.demo');
    const tenantId = company.user.tenantId!;
    const before = (await company.call('GET', `/tenants/${tenantId}`)).body as TenantAnswer;
    // Whichever change moves this company's deadline: to a 60-month field, or to a 48-month one.
    const change: Pick<TenantAnswer, 'field' | 'integratedCircuit'> =
      incubationEndsOn(before.admittedOn, before) ===
      incubationEndsOn(before.admittedOn, { field: 'biomedicine' })
        ? { field: 'other', integratedCircuit: false }
        : { field: 'biomedicine', integratedCircuit: before.integratedCircuit };
    const asked = await company.call('PATCH', `/tenants/${tenantId}`, { version: before.version, ...change });
    expect(asked.status).toBe(200);
    const moved = incubationEndsOn(before.admittedOn, change);

    const page = await live.browser.newPage();
    await signIn(page, live.server.url, 'tenant.wuhan@torch.demo');
    await page.waitForURL(/\/company$/);
    await page.getByTestId('pending-change').waitFor();
    expect(await page.getByTestId('pending-change').textContent()).toContain('需孵化器确认后生效');
    expect(await page.getByTestId('pending-change-deadline').textContent()).toContain(moved);
    expect(await page.getByTestId('pending-change-confirm').count()).toBe(0);
    await screenshot(page, 'pending-change-company');
    await signOut(page);

    await signIn(page, live.server.url, 'manager.wuhan@torch.demo');
    await page.goto(`${live.server.url}/incubators/${before.incubatorId}`);
    await page.getByTestId('flag-pending-changes').getByRole('link').first().click();
    await page.getByTestId('pending-change-confirm').waitFor();
    await page.getByTestId('lang-en').click();
    expect(await page.getByTestId('pending-change').textContent()).toContain('apply once you confirm');
    await screenshot(page, 'pending-change-manager-english');
    await page.getByTestId('lang-zh').click();
    await screenshot(page, 'pending-change-manager');
    await page.getByTestId('pending-change-confirm').click();
    await expect.poll(() => page.getByTestId('pending-change').count()).toBe(0);
    expect(await page.getByTestId('tenant-facts').textContent()).toContain(moved);
    const after = (await company.call('GET', `/tenants/${tenantId}`)).body as TenantAnswer;
    expect(after).toMatchObject({ ...change, incubationEndsOn: moved, pendingChange: null });
    await signOut(page);
    expect(live.browser.errors).toEqual([]);
  });
});
