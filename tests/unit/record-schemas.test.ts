import {
  ExitBody,
  GraduationBody,
  InvestmentCreate,
  ListingCreate,
  MentorCreate,
  MentoringCreate,
} from '@torch/shared';
import { describe, expect, it } from 'vitest';

const FUTURE = '2999-01-01';
const messages = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];

describe('InvestmentCreate', () => {
  const vc = {
    investorKind: 'vc',
    amount: 4_000_000,
    investedOn: '2023-05-01',
    instrument: 'equity',
    equityShare: 12.5,
  };
  const parallel = {
    investorKind: 'government_grant',
    amount: 2_000_000,
    investedOn: '2023-05-01',
    instrument: 'parallel_investment',
    coInvestingVcAmount: 4_000_000,
  };

  it('accepts an equity investment and a parallel investment at the cap', () => {
    expect(InvestmentCreate.safeParse(vc).success).toBe(true);
    expect(InvestmentCreate.safeParse(parallel).success).toBe(true);
  });

  it('applies checkInvestment', () => {
    expect(messages(InvestmentCreate.safeParse({ ...parallel, amount: 2_000_001 }))).toEqual([
      'amount:exceeds_parallel_cap',
    ]);
    expect(messages(InvestmentCreate.safeParse({ ...vc, instrument: 'loan' }))).toEqual([
      'equityShare:equity_share_not_applicable',
    ]);
  });

  it('refuses a zero amount once, a future date and unknown fields', () => {
    expect(messages(InvestmentCreate.safeParse({ ...vc, amount: 0 }))).toHaveLength(1);
    expect(messages(InvestmentCreate.safeParse({ ...vc, investedOn: FUTURE }))).toEqual([
      'investedOn:date_in_future',
    ]);
    expect(InvestmentCreate.safeParse({ ...vc, tenantId: 'x' }).success).toBe(false);
  });
});

describe('ListingCreate', () => {
  it('upper-cases the ticker and refuses a future listing', () => {
    const listing = { exchange: 'nasdaq', ticker: 'bidu', listedOn: '2005-08-05', amountRaised: 0 };
    expect(ListingCreate.parse(listing).ticker).toBe('BIDU');
    expect(ListingCreate.safeParse({ ...listing, listedOn: FUTURE }).success).toBe(false);
    expect(ListingCreate.safeParse({ ...listing, exchange: 'lse' }).success).toBe(false);
  });
});

describe('MentorCreate and MentoringCreate', () => {
  it('takes a name and optional contacts', () => {
    expect(MentorCreate.parse({ name: '王老师', email: ' Wang@Example.CN ' }).email).toBe('wang@example.cn');
    expect(MentorCreate.safeParse({ name: '' }).success).toBe(false);
    expect(MentorCreate.safeParse({ name: 'x', email: 'nope' }).success).toBe(false);
  });

  it('relates a mentor to a tenant from a past date', () => {
    const tenantId = '0b6b7c1e-5b7a-4d5e-9f8a-2c3d4e5f6a7b';
    expect(MentoringCreate.safeParse({ tenantId, startedOn: '2024-01-01' }).success).toBe(true);
    expect(MentoringCreate.safeParse({ tenantId: 'nope', startedOn: '2024-01-01' }).success).toBe(false);
    expect(MentoringCreate.safeParse({ tenantId, startedOn: FUTURE }).success).toBe(false);
  });
});

describe('GraduationBody and ExitBody', () => {
  const body = { graduatedOn: '2024-01-10', criteria: ['high_tech_enterprise'] };

  it('needs at least one criterion and no duplicates', () => {
    expect(GraduationBody.safeParse(body).success).toBe(true);
    expect(GraduationBody.safeParse({ ...body, criteria: [] }).success).toBe(false);
    expect(messages(GraduationBody.safeParse({ ...body, criteria: ['listed', 'listed'] }))).toEqual([
      'criteria:duplicate_criterion',
    ]);
    expect(GraduationBody.safeParse({ ...body, criteria: ['rich'] }).success).toBe(false);
  });

  it('takes evidence of 10 to 2000 characters', () => {
    expect(GraduationBody.safeParse({ ...body, evidence: '123456789' }).success).toBe(false);
    expect(GraduationBody.safeParse({ ...body, evidence: '1234567890' }).success).toBe(true);
    expect(GraduationBody.safeParse({ ...body, evidence: 'x'.repeat(2001) }).success).toBe(false);
  });

  it('takes an exit with a known reason in the past', () => {
    expect(ExitBody.safeParse({ exitedOn: '2024-01-10', reason: 'merged' }).success).toBe(true);
    expect(ExitBody.safeParse({ exitedOn: '2024-01-10', reason: 'bored' }).success).toBe(false);
    expect(ExitBody.safeParse({ exitedOn: FUTURE, reason: 'failed' }).success).toBe(false);
  });
});

describe('tenant website', () => {
  it('accepts only http(s) addresses', async () => {
    const { TenantPatch } = await import('@torch/shared');
    expect(TenantPatch.safeParse({ version: 1, website: 'https://example.cn' }).success).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.cn']) {
      expect(TenantPatch.safeParse({ version: 1, website: bad }).success).toBe(false);
    }
  });
});
