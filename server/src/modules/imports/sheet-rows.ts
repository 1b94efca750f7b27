// The rows of a worksheet's XML (<sheetData>), scanned as it streams out of the zip. The sheet is
// the one large part of an XLSX (14 MB of XML for 50,000 rows of 7 columns) and its grammar is
// small and fixed (ECMA-376 §18.3.1: row → c → v | is/t | f), so it is scanned with indexOf rather
// than a general SAX parser: htmlparser2 took ~0.9 s for that sheet. The shared strings (as large
// when every name differs) follow the same grammar as inline strings and are scanned alike; the
// small parts (workbook, relationships, styles) go through htmlparser2 (read-xlsx.ts).

/**
 * A cell's value from what the XML says of it: its type (the `t` attribute: s (shared string), str,
 * inlineStr, b, e, d, or n, the default), its style index and its text. Shared strings and date
 * styles are the caller's (read-xlsx.ts).
 */
export type CellOf<C> = (type: string, style: number, text: string) => C;

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : NAMED[e]!,
  );
}

/**
 * The value of attribute `name` in a start tag, or undefined. Looked up by indexOf in the tag alone
 * (a regex over every attribute of 350,000 cells took ~0.2 s); either quote is allowed.
 */
function attribute(tag: string, name: string): string | undefined {
  for (const quote of ['"', "'"]) {
    const key = ` ${name}=${quote}`;
    const at = tag.indexOf(key);
    if (at < 0) continue;
    const start = at + key.length;
    return tag.slice(start, tag.indexOf(quote, start));
  }
  return undefined;
}

/** Zero-based column of a cell reference (B12 → 1). */
export function columnOfRef(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

/** Whether `name` starts an element at `at` (<c is not <cols, <row is not <rowBreaks). */
function endsName(xml: string, at: number): boolean {
  const code = xml.charCodeAt(at);
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

/**
 * The first `open` element in xml[from, to), or -1. The search stays in that range (a slice is a
 * view in V8, not a copy): an element that is absent (<rPh>, <v> of inline strings) must not send
 * every cell's search to the end of the sheet.
 */
function indexOfElement(xml: string, open: string, from: number, to: number): number {
  const range = xml.slice(from, to);
  let at = range.indexOf(open);
  while (at >= 0 && !endsName(range, at + open.length)) at = range.indexOf(open, at + 1);
  return at < 0 ? -1 : from + at;
}

/**
 * Feeds the sheet's XML in chunks; `onRow(number, cells)` is called for every row as soon as it is
 * complete. `prefix` is the namespace prefix the sheet's elements carry ('' almost always; 'x:'
 * from some generators), found from the first chunk.
 */
export class SheetRowScanner<C> {
  private pending = '';
  private prefix: string | null = null;
  private lastRow = 0;

  /** `onRow` gets the row's cells by column (undefined where a column has no cell). */
  constructor(
    private readonly onRow: (row: number, cells: C[]) => void,
    private readonly cellOf: CellOf<C>,
  ) {}

  write(chunk: string) {
    this.pending += chunk;
    if (this.prefix === null) {
      const m = /<([\w]+:)?sheetData[\s>/]/.exec(this.pending);
      if (!m) return;
      this.prefix = m[1] ?? '';
    }
    const close = `</${this.prefix}row>`;
    const end = this.pending.lastIndexOf(close);
    if (end < 0) return;
    const upTo = end + close.length;
    this.scan(this.pending, upTo);
    this.pending = this.pending.slice(upTo);
  }

  end() {
    if (this.prefix === null) throw new Error('no sheetData');
    this.scan(this.pending, this.pending.length);
    this.pending = '';
  }

  private scan(xml: string, to: number) {
    const p = this.prefix!;
    const rowOpen = `<${p}row`;
    const rowClose = `</${p}row>`;
    let at = indexOfElement(xml, rowOpen, 0, to);
    while (at >= 0) {
      const tagEnd = xml.indexOf('>', at);
      if (tagEnd < 0 || tagEnd >= to) break;
      const r = attribute(xml.slice(at, tagEnd), 'r');
      const number = r ? Number(r) : this.lastRow + 1;
      this.lastRow = number;
      if (xml.charCodeAt(tagEnd - 1) === 47) {
        at = indexOfElement(xml, rowOpen, tagEnd, to);
        continue; // <row r="3"/>: an empty row
      }
      const rowEnd = xml.indexOf(rowClose, tagEnd);
      if (rowEnd < 0 || rowEnd >= to) break;
      this.onRow(number, this.cellsOf(xml, tagEnd + 1, rowEnd));
      at = indexOfElement(xml, rowOpen, rowEnd + rowClose.length, to);
    }
  }

  private cellsOf(xml: string, from: number, to: number): C[] {
    const p = this.prefix!;
    const cells: C[] = [];
    let column = -1;
    let at = indexOfElement(xml, `<${p}c`, from, to);
    while (at >= 0) {
      const tagEnd = xml.indexOf('>', at);
      const tag = xml.slice(at, tagEnd);
      const ref = attribute(tag, 'r');
      column = ref ? columnOfRef(ref) : column + 1;
      let next = tagEnd + 1;
      if (xml.charCodeAt(tagEnd - 1) !== 47) {
        const type = attribute(tag, 't') ?? 'n';
        const style = attribute(tag, 's');
        const cellEnd = xml.indexOf(`</${p}c>`, tagEnd);
        const text =
          type === 'inlineStr'
            ? inlineText(xml, tagEnd + 1, cellEnd, p)
            : valueText(xml, tagEnd + 1, cellEnd, p);
        if (text !== '' && column >= 0) cells[column] = this.cellOf(type, style ? Number(style) : 0, text);
        next = cellEnd + p.length + 4;
      }
      at = indexOfElement(xml, `<${p}c`, next, to);
    }
    return cells;
  }
}

/** The shared strings part: each <si>'s text, by the same rules as an inline string. */
export function sharedStringsOf(xml: string): string[] {
  const strings: string[] = [];
  const p = /<([\w]+:)?sst[\s>/]/.exec(xml)?.[1] ?? '';
  const close = `</${p}si>`;
  let at = indexOfElement(xml, `<${p}si`, 0, xml.length);
  while (at >= 0) {
    const tagEnd = xml.indexOf('>', at);
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      strings.push('');
      at = indexOfElement(xml, `<${p}si`, tagEnd, xml.length);
      continue;
    }
    const end = xml.indexOf(close, tagEnd);
    strings.push(inlineText(xml, tagEnd + 1, end, p));
    at = indexOfElement(xml, `<${p}si`, end + close.length, xml.length);
  }
  return strings;
}

/** The text of the cell's <v> (a formula's cached result too); '' when there is none. */
function valueText(xml: string, from: number, to: number, p: string): string {
  const open = indexOfElement(xml, `<${p}v`, from, to);
  if (open < 0) return '';
  const tagEnd = xml.indexOf('>', open);
  if (xml.charCodeAt(tagEnd - 1) === 47) return '';
  const close = xml.indexOf(`</${p}v>`, tagEnd);
  return decodeXml(xml.slice(tagEnd + 1, close));
}

/** An inline string's text: every <t> of it, runs of rich text joined, phonetic runs (<rPh>) left out. */
function inlineText(xml: string, from: number, to: number, p: string): string {
  // Phonetic runs are rare (Japanese files): look for them once, not per <t>.
  const phonetic: [number, number][] = [];
  for (let at = indexOfElement(xml, `<${p}rPh`, from, to); at >= 0; ) {
    const end = xml.indexOf(`</${p}rPh>`, at);
    phonetic.push([at, end]);
    at = indexOfElement(xml, `<${p}rPh`, end, to);
  }
  let text = '';
  let at = indexOfElement(xml, `<${p}t`, from, to);
  while (at >= 0) {
    const tagEnd = xml.indexOf('>', at);
    let next = tagEnd + 1;
    if (xml.charCodeAt(tagEnd - 1) !== 47) {
      const close = xml.indexOf(`</${p}t>`, tagEnd);
      if (!phonetic.some(([start, end]) => at > start && at < end))
        text += decodeXml(xml.slice(tagEnd + 1, close));
      next = close + p.length + 4;
    }
    at = indexOfElement(xml, `<${p}t`, next, to);
  }
  return text;
}
