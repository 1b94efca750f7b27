// The XLSX reader of uploads (server/src/modules/imports/read-xlsx.ts, sheet-rows.ts): what Excel
// and other writers put in a sheet, read back as plain cells.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isDateFormat } from '../../server/src/modules/imports/date-formats';
import { readXlsx } from '../../server/src/modules/imports/read-xlsx';
import { SheetRowScanner, sharedStringsOf } from '../../server/src/modules/imports/sheet-rows';

describe('readXlsx', () => {
  it('reads rich text, formulas, hyperlinks, booleans, errors and Chinese date formats', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('数据');
    sheet.addRow(['名称', '数量', '网址', '是否', '日期', '错误']);
    const row = sheet.addRow([
      { richText: [{ text: '光谷', font: { bold: true } }, { text: '<甲>&乙' }] },
      { formula: 'A1*2', result: 42 },
      { text: '官网', hyperlink: 'https://example.cn' },
      true,
      new Date(Date.UTC(2025, 5, 1)),
      { error: '#N/A' },
    ]);
    row.getCell(5).numFmt = 'yyyy"年"m"月"d"日"';
    sheet.getCell('H3').value = 7; // a row below, with a gap of columns before its only cell
    // The first sheet holds the data; a second one is not read.
    book.addWorksheet('说明').addRow(['不读这里']);
    const rows = await readXlsx(Buffer.from(await book.xlsx.writeBuffer()), 100);
    expect(rows).toEqual([
      [1, ['名称', '数量', '网址', '是否', '日期', '错误']],
      [2, ['光谷<甲>&乙', 42, '官网', true, '2025-06-01', null]],
      [3, [null, null, null, null, null, null, null, 7]],
    ]);
  });

  it('stops one row past the limit and refuses what is not an XLSX', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('s');
    for (let i = 0; i < 50; i++) sheet.addRow([`行${i}`]);
    expect(await readXlsx(Buffer.from(await book.xlsx.writeBuffer()), 10)).toHaveLength(11);
    await expect(readXlsx(Buffer.from('PK\u0003\u0004 not a zip'), 10)).rejects.toThrow();
  });
});

describe('SheetRowScanner', () => {
  const scan = (chunks: string[]) => {
    const rows: [number, (string | undefined)[]][] = [];
    const scanner = new SheetRowScanner<string>(
      (n, cells) => rows.push([n, cells]),
      (type, style, text) => `${type}:${style}:${text}`,
    );
    for (const chunk of chunks) scanner.write(chunk);
    scanner.end();
    return rows;
  };

  it('reads rows split anywhere across chunks, prefixed elements, inline strings and entities', () => {
    const xml =
      '<x:worksheet xmlns:x="urn:x"><x:sheetData>' +
      '<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>武汉</x:t></x:r><x:r><x:t xml:space="preserve"> &amp; 光谷</x:t></x:r>' +
      '<x:rPh sb="0" eb="1"><x:t>ウー</x:t></x:rPh></x:is></x:c><x:c r="C2" s="3"><x:v>45809</x:v></x:c></x:row>' +
      '<x:row r="4"/><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c/><x:c t=\'b\'><x:v>1</x:v></x:c></x:row>' +
      '</x:sheetData><x:rowBreaks count="1"><x:brk id="1"/></x:rowBreaks></x:worksheet>';
    const expected = [
      [2, [undefined, 'inlineStr:0:武汉 & 光谷', 'n:3:45809']],
      [5, ['s:0:0', undefined, 'b:0:1']],
    ];
    expect(scan([xml])).toEqual(expected);
    for (const at of [7, 40, 61, 130, 200, xml.length - 30])
      expect(scan([xml.slice(0, at), xml.slice(at)]), `split at ${at}`).toEqual(expected);
  });

  it('reads shared strings by the same rules, phonetic runs left out', () => {
    expect(
      sharedStringsOf(
        '<sst><si><t>企业&#x540D;称</t></si><si/><si><r><t>甲</t></r><r><t>乙</t></r><rPh><t>コウ</t></rPh></si></sst>',
      ),
    ).toEqual(['企业名称', '', '甲乙']);
  });
});

describe('isDateFormat', () => {
  it('tells date formats from number formats', () => {
    expect(isDateFormat(14, undefined)).toBe(true);
    expect(isDateFormat(57, undefined)).toBe(true); // a Chinese built-in: yyyy"年"m"月"
    expect(isDateFormat(3, undefined)).toBe(false);
    expect(isDateFormat(164, '[$-804]yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat(165, 'yyyy/m/d h:mm')).toBe(true);
    expect(isDateFormat(166, '#,##0.00"元"')).toBe(false);
    expect(isDateFormat(167, '0.00_ ;[Red]\\-0.00\\ ')).toBe(false);
    expect(isDateFormat(168, 'General')).toBe(false);
    expect(isDateFormat(169, '"Days: "0')).toBe(false);
  });
});
