// Spreadsheets made the way managers' tools make them: XLSX by exceljs (real date cells), CSV in
// UTF-8 with or without BOM and in GB18030, and the multipart upload a browser sends.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { TestApp } from '../helpers/app';

export type Cells = (string | number | boolean | Date | null)[];

/** An XLSX whose first sheet holds these rows (Dates become date cells). */
export async function xlsx(rows: Cells[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy/m/d';
    }),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvText(rows: Cells[]): string {
  return rows
    .map((r) =>
      r
        .map((c) =>
          c === null ? '' : /[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c),
        )
        .join(','),
    )
    .join('\r\n');
}

export function csv(rows: Cells[], encoding: 'utf8' | 'utf8bom' | 'gb18030'): Buffer {
  const text = csvText(rows);
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.concat([
    encoding === 'utf8bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
    Buffer.from(text, 'utf8'),
  ]);
}

/** A multipart/form-data body with one `file` part, as a browser's FormData sends it. */
export async function multipart(data: Buffer, fileName: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), fileName);
  const response = new Response(form);
  return {
    payload: Buffer.from(await response.arrayBuffer()),
    contentType: response.headers.get('content-type')!,
  };
}

export async function upload(
  t: TestApp,
  token: string,
  incubatorId: string,
  kind: 'tenants' | 'reports',
  data: Buffer,
  fileName = 'tenants.xlsx',
) {
  const { payload, contentType } = await multipart(data, fileName);
  return t.request({
    method: 'POST',
    url: `/api/v1/incubators/${incubatorId}/imports?kind=${kind}`,
    token,
    payload,
    headers: { 'content-type': contentType },
  });
}

/** An XLSX answer read back as rows of plain values (dates as YYYY-MM-DD). */
export async function readXlsx(data: Buffer): Promise<(string | number | boolean | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const rows: (string | number | boolean | null)[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push(
      (row.values as unknown[])
        .slice(1)
        .map((v) =>
          v instanceof Date
            ? v.toISOString().slice(0, 10)
            : ((v ?? null) as string | number | boolean | null),
        ),
    );
  });
  return rows;
}
