// The first sheet of an XLSX as rows of plain cells, read as a stream. fflate walks the zip and
// hands over each wanted part's deflated bytes; node's zlib inflates them (fflate's own inflate,
// in JavaScript, took ~0.4 s for a 50,000-row sheet). The sheet's XML is scanned as it unpacks
// (sheet-rows.ts), the small parts (workbook, relationships, styles) are parsed by htmlparser2.
// exceljs's WorkbookReader built a Row and a Cell object per cell and spent ~2 s (much of it
// garbage collection) on 50,000 rows; this keeps only the values.
//
// Only what an upload needs is read: the workbook's first sheet, its shared strings and, to tell
// date cells from numbers, the number formats of the cell styles. Formulas give their cached result,
// rich text its plain text, hyperlinks their shown text; errors (#N/A) are empty.
import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { type Cell, excelSerialToIso } from '@torch/shared';
import { Unzip, type UnzipDecoder, type UnzipFile, UnzipPassThrough } from 'fflate';
import { Parser } from 'htmlparser2';
import { isDateFormat } from './date-formats';
import type { SheetRow } from './read-file';
import { SheetRowScanner, sharedStringsOf } from './sheet-rows';

/** A part of the package larger than this unpacked is refused (a zip bomb, not a spreadsheet). */
const MAX_PART_BYTES = 256 * 1024 * 1024;
const INFLATE_CHUNK = 256 * 1024;

/** Deflated entries handed over as they are, for zlib to inflate. */
class Deflated implements UnzipDecoder {
  static compression = 8;
  ondata: UnzipDecoder['ondata'] = () => {};
  push(chunk: Uint8Array, final: boolean) {
    // fflate may reuse the buffer it passes: keep a copy.
    this.ondata(null, Uint8Array.prototype.slice.call(chunk), final);
  }
}

interface Entry {
  chunks: Uint8Array[];
  deflated: boolean;
}

/** The raw (still deflated) bytes of the package's parts that `wanted` names. */
function entriesOf(data: Uint8Array, wanted: (name: string) => boolean): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const unzip = new Unzip((file: UnzipFile) => {
    if (!wanted(file.name) || entries.has(file.name)) return;
    if (file.compression !== 0 && file.compression !== 8) throw new Error('unsupported compression');
    const entry: Entry = { chunks: [], deflated: file.compression === 8 };
    entries.set(file.name, entry);
    file.ondata = (error, chunk) => {
      if (error) throw error;
      entry.chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipPassThrough);
  unzip.register(Deflated);
  unzip.push(data, true);
  return entries;
}

function textOf(entry: Entry | undefined): string {
  if (!entry) return '';
  const bytes = Buffer.concat(entry.chunks);
  const unpacked = entry.deflated ? inflateRawSync(bytes, { maxOutputLength: MAX_PART_BYTES }) : bytes;
  return unpacked.toString('utf8');
}

/** Parses a small XML part at once. */
function walk(xml: string, handlers: ConstructorParameters<typeof Parser>[0]) {
  const parser = new Parser(handlers, { xmlMode: true });
  parser.end(xml);
}

/** Local name without its namespace prefix (x:sheet → sheet), as some writers prefix every element. */
const local = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

function firstSheet(workbookXml: string, relsXml: string) {
  let relId: string | undefined;
  let date1904 = false;
  walk(workbookXml, {
    onopentag(name, attrs) {
      const n = local(name);
      if (n === 'sheet' && relId === undefined) relId = attrs['r:id'] ?? attrs.id;
      if (n === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
    },
  });
  let target: string | undefined;
  walk(relsXml, {
    onopentag(name, attrs) {
      if (local(name) === 'Relationship' && attrs.Id === relId) target = attrs.Target;
    },
  });
  if (!target) return { sheetPath: 'xl/worksheets/sheet1.xml', date1904 };
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  return { sheetPath, date1904 };
}
function dateStylesOf(xml: string): boolean[] {
  const formats = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  walk(xml, {
    onopentag(name, attrs) {
      const n = local(name);
      if (n === 'numFmt') formats.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      else if (n === 'cellXfs') inCellXfs = true;
      else if (n === 'xf' && inCellXfs) {
        const id = Number(attrs.numFmtId ?? 0);
        styles.push(isDateFormat(id, formats.get(id)));
      }
    },
    onclosetag(name) {
      if (local(name) === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

const isBlank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && !c.trim()));

/** The sheet's XML, inflated as a stream (at most MAX_PART_BYTES). */
async function* sheetXml(entry: Entry): AsyncGenerator<string> {
  const source = Readable.from(entry.chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.length)));
  const unpacked = entry.deflated ? source.pipe(createInflateRaw({ chunkSize: INFLATE_CHUNK })) : source;
  const utf8 = new TextDecoder();
  let size = 0;
  try {
    for await (const chunk of unpacked as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_PART_BYTES) throw new Error('the sheet is too big');
      // A character may straddle two chunks: the decoder keeps its first bytes for the next.
      yield utf8.decode(chunk, { stream: true });
    }
  } finally {
    unpacked.destroy();
  }
  yield utf8.decode();
}

/**
 * At most `maxRows` + 1 non-blank rows of the first sheet. Throws on anything that is not a
 * readable XLSX (the caller turns that into a 400).
 */
export async function readXlsx(data: Buffer, maxRows: number): Promise<SheetRow[]> {
  // One walk through the zip: the sheet is known only from the workbook, so every sheet's bytes are
  // kept (still deflated, at most the upload's size) until it is.
  const parts = entriesOf(
    data,
    (name) =>
      name === 'xl/workbook.xml' ||
      name === 'xl/_rels/workbook.xml.rels' ||
      name === 'xl/styles.xml' ||
      name === 'xl/sharedStrings.xml' ||
      name.startsWith('xl/worksheets/'),
  );
  const workbook = textOf(parts.get('xl/workbook.xml'));
  if (!workbook) throw new Error('no workbook');
  const { sheetPath, date1904 } = firstSheet(workbook, textOf(parts.get('xl/_rels/workbook.xml.rels')));
  const dateStyles = dateStylesOf(textOf(parts.get('xl/styles.xml')));
  const sharedStrings = sharedStringsOf(textOf(parts.get('xl/sharedStrings.xml')));
  const sheet = parts.get(sheetPath);
  if (!sheet) throw new Error('no sheet');

  const plainCell = (type: string, style: number, text: string): Cell => {
    switch (type) {
      case 's':
        return sharedStrings[Number(text)] ?? null;
      case 'str':
      case 'inlineStr':
        return text;
      case 'b':
        return text === '1' || text === 'true';
      case 'e':
        return null; // #N/A, #DIV/0!: no value
      case 'd':
        return text.slice(0, 10);
      default: {
        const n = Number(text);
        if (Number.isNaN(n)) return text;
        return dateStyles[style] ? dayOf(n) : n;
      }
    }
  };

  // A sheet's dates repeat (admission days, year ends): each serial is turned into a day once.
  const days = new Map<number, string>();
  const dayOf = (serial: number) => {
    let day = days.get(serial);
    if (day === undefined) {
      day = excelSerialToIso(date1904 ? serial + 1462 : serial);
      if (days.size < 100_000) days.set(serial, day);
    }
    return day;
  };

  const rows: SheetRow[] = [];
  const scanner = new SheetRowScanner<Cell>((number, cells) => {
    if (rows.length > maxRows || !cells.length) return;
    for (let i = 0; i < cells.length; i++) cells[i] ??= null; // columns without a cell
    if (!isBlank(cells)) rows.push([number, cells]);
  }, plainCell);
  for await (const xml of sheetXml(sheet)) {
    scanner.write(xml);
    if (rows.length > maxRows) return rows; // the caller says the file is over its limit
  }
  scanner.end();
  return rows;
}
