import { findHeaderRow, matchHeader, parseDateText, parseNumberText, readCell } from '@torch/shared';
import { describe, expect, it } from 'vitest';

describe('reading spreadsheet cells', () => {
  it('reads the ways dates are written in Chinese sheets', () => {
    for (const text of [
      '2025-06-01',
      '2025/6/1',
      '2025.6.1',
      '2025年6月1日',
      '2025年06月01日',
      '20250601',
      '2025-06-01 00:00:00',
    ]) {
      expect(parseDateText(text), text).toBe('2025-06-01');
    }
    expect(parseDateText('2025-02-30')).toBeNull();
    for (const leap of ['2024-02-29', '2000-02-29']) expect(parseDateText(leap), leap).toBe(leap);
    for (const not of ['2023-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-0a-01'])
      expect(parseDateText(not), not).toBeNull();
    expect(parseDateText('2025-12-31')).toBe('2025-12-31');
    expect(parseDateText('6/1/2025')).toBeNull();
  });

  it('reads Excel serial dates', () => {
    expect(readCell('date', 45809)).toEqual({ ok: true, value: '2025-06-01' });
  });

  it('reads numbers with thousands separators, full-width digits and 万元', () => {
    expect(parseNumberText('1,234,567')).toBe(1234567);
    expect(parseNumberText('１２３')).toBe(123);
    expect(parseNumberText('￥1,000元')).toBe(1000);
    expect(parseNumberText('12a')).toBeNull();
    expect(readCell('yuan', '12.34', 10_000)).toEqual({ ok: true, value: 123_400 });
  });

  it('reads codes from their Chinese or English labels', () => {
    expect(readCell('field', '电子信息')).toEqual({ ok: true, value: 'electronic_information' });
    expect(readCell('field', 'biomedicine')).toEqual({ ok: true, value: 'biomedicine' });
    expect(readCell('field', '造船')).toEqual({ ok: false, message: 'unknown_field' });
    expect(readCell('bool', '是')).toEqual({ ok: true, value: true });
    expect(readCell('bool', '否')).toEqual({ ok: true, value: false });
    expect(readCell('traits', '大学生、科技人员')).toEqual({
      ok: true,
      value: ['university_student', 'scientist'],
    });
  });

  it('matches headers in Chinese or English, with their unit', () => {
    expect(matchHeader('tenants', '注册资本（万元）')).toEqual({ key: 'registeredCapital', factor: 10_000 });
    expect(matchHeader('tenants', 'Registered capital')).toEqual({ key: 'registeredCapital', factor: 1 });
    expect(matchHeader('tenants', ' 统一社会信用代码 ')).toEqual({ key: 'uscc', factor: 1 });
    expect(matchHeader('tenants', '场地面积(平方米)')).toEqual({ key: 'areaOccupied', factor: 1 });
    expect(matchHeader('tenants', '备注')).toBeNull();
  });

  it('finds the header row below a title', () => {
    const rows = [
      ['2025 年企业名称清单'],
      [null],
      ['企业名称', '统一社会信用代码', '备注'],
      ['甲', 'x', null],
    ];
    expect(findHeaderRow('tenants', rows)?.index).toBe(2);
    expect(findHeaderRow('tenants', [['a', 'b']])).toBeNull();
  });
});
