/**
 * A streaming .xlsx reader for the roll-up: each worksheet's rows as the values
 * src/cli/excel.ts's reading through exceljs's WorkbookReader gives them (the same sheets in
 * the same order, the same names, the same cells, holes where exceljs has none), without
 * exceljs's Row and Cell objects: the sheet XML is scanned here and each cell becomes its value
 * directly. A roll-up reads 14 million cells; exceljs built several objects per cell, which cost
 * as much as the roll-up itself. The small parts (styles, workbook, relationships) are still
 * parsed by exceljs's own parsers, so a date format or a sheet name is read as exceljs reads it.
 *
 * The zip is read from its central directory (node:zlib inflates each part as it is read);
 * text is decoded as one UTF-8 stream per part, so a character split between two chunks comes
 * out whole (exceljs's reader alone broke it, see excel.ts).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform.js';
import WorkbookXform from 'exceljs/lib/xlsx/xform/book/workbook-xform.js';
import RelationshipsXform from 'exceljs/lib/xlsx/xform/core/relationships-xform.js';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The entries of a zip, in the order they are stored (the order exceljs's streaming unzip meets them). */
async function zipEntries(path: string): Promise<ZipEntry[]> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const tailLen = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error('不是有效的 .xlsx 文件（找不到 ZIP 目录）');
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) throw new Error('不支持 ZIP64 格式的 .xlsx 文件');
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new Error('不是有效的 .xlsx 文件（ZIP 目录损坏）');
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      let compressedSize = cd.readUInt32LE(p + 20);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      let localOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
      if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        // ZIP64 sizes in the extra field (id 1): the uncompressed size, then the compressed, then the offset, each only when its 32-bit field is full.
        const uncompressedFull = cd.readUInt32LE(p + 24) === 0xffffffff;
        for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen;) {
          const id = cd.readUInt16LE(e);
          const len = cd.readUInt16LE(e + 2);
          if (id === 1) {
            let q = e + 4 + (uncompressedFull ? 8 : 0);
            if (compressedSize === 0xffffffff) compressedSize = Number(cd.readBigUInt64LE((q += 8) - 8));
            if (localOffset === 0xffffffff) localOffset = Number(cd.readBigUInt64LE(q));
          }
          e += 4 + len;
        }
      }
      if (flags & 1) throw new Error('不支持加密的 .xlsx 文件');
      entries.push({ name, method, compressedSize, localOffset });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return entries.sort((a, b) => a.localOffset - b.localOffset);
  } finally {
    await fh.close();
  }
}

/** An entry's text, decoded as one UTF-8 stream, chunk by chunk. */
async function* entryText(path: string, e: ZipEntry): AsyncGenerator<string> {
  const fh = await open(path, 'r');
  let start: number;
  try {
    const head = Buffer.alloc(30);
    await fh.read(head, 0, 30, e.localOffset);
    if (head.readUInt32LE(0) !== 0x04034b50) throw new Error('不是有效的 .xlsx 文件（ZIP 内容损坏）');
    start = e.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  } finally {
    await fh.close();
  }
  if (e.compressedSize === 0) return;
  if (e.method !== 0 && e.method !== 8) throw new Error(`不支持的 ZIP 压缩方式（${e.method}）`);
  const raw = createReadStream(path, { start, end: start + e.compressedSize - 1, highWaterMark: 1 << 18 });
  const stream = e.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 1 << 18 })) : raw;
  raw.on('error', (err) => stream.destroy(err));
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

async function entryString(path: string, e: ZipEntry): Promise<string> {
  let s = '';
  for await (const t of entryText(path, e)) s += t;
  return s;
}

// ---------------------------------------------------------------------------------------------
// XML scanning: the events saxes gives exceljs (open tag, close tag — also for <x/> —, text with
// entities decoded and line ends normalized); CDATA, comments and processing instructions give
// none, as exceljs listens to none of theirs.

interface XmlHandler {
  /** `src` holds the tag; its attributes lie between `from` and `to`. */
  open(name: string, src: string, from: number, to: number): void;
  close(name: string): void;
  text(text: string): void;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
function decodeEntity(_: string, e: string): string {
  switch (e) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
    default:
      return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  }
}

function xmlText(raw: string): string {
  let t = raw;
  if (t.indexOf('\r') >= 0) t = t.replace(/\r\n?/g, '\n');
  if (t.indexOf('&') >= 0) t = t.replace(ENTITY, decodeEntity);
  return t;
}

/** The end ('>') of the tag starting at `from`, past quoted attribute values; -1 when not in `s` yet. */
function tagEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 62) return i;
    if (ch === 34 || ch === 39) {
      i = s.indexOf(ch === 34 ? '"' : "'", i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

function isNameEnd(ch: number): boolean {
  return ch === 32 || ch === 47 || ch === 62 || ch === 9 || ch === 10 || ch === 13;
}

/** The value of attribute `name` in s[from, to), entities decoded; undefined when absent. */
export function attribute(s: string, from: number, to: number, name: string): string | undefined {
  let found: string | undefined;
  eachAttribute(s, from, to, (nameFrom, nameTo, value) => {
    if (found === undefined && nameTo - nameFrom === name.length && s.startsWith(name, nameFrom)) found = value;
  });
  return found;
}

/** Each attribute of s[from, to): its name's range and its value, entities decoded (one pass for a cell's r, s and t). */
function eachAttribute(s: string, from: number, to: number, each: (nameFrom: number, nameTo: number, value: string) => void): void {
  let i = from;
  while (i < to) {
    let ch = s.charCodeAt(i);
    while (i < to && (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47)) ch = s.charCodeAt(++i);
    if (i >= to) return;
    const start = i;
    while (i < to && ch !== 61 && ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) ch = s.charCodeAt(++i);
    const end = i;
    while (i < to && ch !== 61) ch = s.charCodeAt(++i);
    i++;
    while (i < to && s.charCodeAt(i) !== 34 && s.charCodeAt(i) !== 39) i++;
    const quote = s.charCodeAt(i);
    const close = s.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0 || i >= to) return;
    const v = s.slice(i + 1, close);
    each(start, end, v.indexOf('&') >= 0 ? v.replace(ENTITY, decodeEntity) : v);
    i = close + 1;
  }
}

class XmlScanner {
  private rest = '';
  constructor(private readonly h: XmlHandler) {}

  write(chunk: string): void {
    const s = this.rest === '' ? chunk : this.rest + chunk;
    const n = s.length;
    const h = this.h;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      // Text waits for the tag after it: an entity may be cut by the chunk's end.
      if (lt < 0) break;
      if (lt > i) h.text(xmlText(s.slice(i, lt)));
      i = lt;
      const c1 = s.charCodeAt(lt + 1);
      if (Number.isNaN(c1)) break;
      if (c1 === 47) {
        const gt = s.indexOf('>', lt);
        if (gt < 0) break;
        h.close(s.slice(lt + 2, gt).trim());
        i = gt + 1;
      } else if (c1 === 63) {
        const e = s.indexOf('?>', lt);
        if (e < 0) break;
        i = e + 2;
      } else if (c1 === 33) {
        if (n - lt < 9) break;
        let e: number;
        if (s.startsWith('<!--', lt)) e = (e = s.indexOf('-->', lt + 4)) < 0 ? -1 : e + 3;
        else if (s.startsWith('<![CDATA[', lt)) e = (e = s.indexOf(']]>', lt + 9)) < 0 ? -1 : e + 3;
        else e = (e = tagEnd(s, lt)) < 0 ? -1 : e + 1;
        if (e < 0) break;
        i = e;
      } else {
        const gt = tagEnd(s, lt + 1);
        if (gt < 0) break;
        let ne = lt + 1;
        while (ne < gt && !isNameEnd(s.charCodeAt(ne))) ne++;
        const name = s.slice(lt + 1, ne);
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        h.open(name, s, ne, selfClosing ? gt - 1 : gt);
        if (selfClosing) h.close(name);
        i = gt + 1;
      }
    }
    this.rest = i < n ? s.slice(i) : '';
  }

  end(): void {
    if (this.rest !== '' && this.rest.indexOf('<') < 0) this.h.text(xmlText(this.rest));
    this.rest = '';
  }
}

async function scan(chunks: AsyncIterable<string>, h: XmlHandler): Promise<void> {
  const x = new XmlScanner(h);
  for await (const c of chunks) x.write(c);
  x.end();
}

// ---------------------------------------------------------------------------------------------
// Shared strings, as exceljs's WorkbookReader keeps them: a plain string, the runs of a rich
// text joined (what excel.ts makes of exceljs's {richText}), or null for an item with no text
// (exceljs gives null: the cell reads as no value at all).

async function sharedStrings(chunks: AsyncIterable<string>): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  let text: string | null = null;
  let runs: (string | null)[] = [];
  await scan(chunks, {
    open(name) {
      if (name === 'si') {
        runs = [];
        text = null;
      } else if (name === 't') text = null;
    },
    text(t) {
      text = text ? text + t : t;
    },
    close(name) {
      if (name === 'r') {
        runs.push(text);
        text = null;
      } else if (name === 'si') {
        out.push(runs.length ? runs.join('') : text);
        runs = [];
        text = null;
      }
    },
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Worksheets.

export interface SheetRow {
  /** The row's number in the sheet (its r). */
  number: number;
  /** Column n at index n − 1; a column without a value is a hole, as in exceljs's row.values. */
  values: unknown[];
}

export interface XlsxSheet {
  /** The sheet's name in the workbook (undefined when the workbook does not name it, as in exceljs). */
  name: string | undefined;
  rows(): AsyncGenerator<SheetRow[]>;
}

// exceljs's utils.isDateFmt: a format is a date's when, outside [..] and "..", it has y m d h s b.
const dateFormats = new Map<string, boolean>();
function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let d = dateFormats.get(fmt);
  if (d === undefined) {
    d = /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
    dateFormats.set(fmt, d);
  }
  return d;
}

// exceljs's utils.xmlDecode, applied again to inline and formula strings (as exceljs does).
const XML_DECODE = /&([a-z]*);/g;
const xmlDecode = (t: string): string =>
  t.indexOf('&') < 0 ? t : t.replace(XML_DECODE, (c) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' })[c] ?? c);

/** colCache.decodeAddress's column: the capital letters before the row's digits. */
function columnOf(ref: string | undefined): number {
  if (ref === undefined) throw new Error('文件已损坏：有单元格没有标明所在位置');
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 48 && ch <= 57) break;
  }
  if (col === 0) throw new Error(`单元格地址无效：${ref}`);
  if (col > 16384) throw new Error(`Out of bounds. Invalid column letter: ${ref}`);
  return col;
}

/** An Excel serial as exceljs reads it (UTC), then as excel.ts takes it: that wall-clock time here. */
function serialDate(v: number, date1904: boolean): Date {
  const utc = new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}

interface SheetContext {
  strings: (string | null)[] | null;
  styles: StylesXform;
  date1904: boolean;
}

const NONE = 0,
  FORMULA = 1,
  VALUE = 2;

/**
 * The rows of one sheet, a batch per chunk of its XML, following exceljs's WorksheetReader
 * cell by cell: a cell's format is its own style's (s), else its row's; a formula gives its
 * cached result (none when that is 0 or empty: exceljs drops a falsy result); t="s" the shared
 * string, "inlineStr"/"str" the text, "b" a boolean, "e" the error's text, else a number —
 * a Date when the format is a date's.
 */
async function* sheetRows(chunks: AsyncIterable<string>, ctx: SheetContext): AsyncGenerator<SheetRow[]> {
  const styleFmt = new Map<number, { numFmt?: string } | null>();
  const styleOf = (id: number) => {
    let m = styleFmt.get(id);
    if (m === undefined) styleFmt.set(id, (m = ctx.styles.getStyleModel(id)));
    return m;
  };
  let out: SheetRow[] = [];
  let inRows = false;
  let row: SheetRow | null = null;
  let rowFmt: string | undefined;
  let inCell = false;
  let ref: string | undefined;
  let cellStyle = 0;
  let type: string | undefined;
  let f: string | null = null;
  let v: string | null = null;
  // Where text goes: exceljs keeps its `current` after a cell ends, so text after </v> still joins it.
  let current = NONE;
  const endCell = (): void => {
    const values = row!.values;
    const col = columnOf(ref) - 1;
    if (f !== null) {
      const result = v === null ? undefined : type === 'str' ? xmlDecode(v) : parseFloat(v);
      // A formula's value keeps only a truthy result; a shared formula's follower (no text) keeps its result as is.
      if (f !== '') values[col] = result ? result : '';
      else values[col] = result === undefined ? '' : result;
      return;
    }
    if (v === null) return;
    switch (type) {
      case 's': {
        const s = ctx.strings ? ctx.strings[parseInt(v, 10)] : '';
        if (s !== null && s !== undefined) values[col] = s;
        return;
      }
      case 'inlineStr':
      case 'str':
        values[col] = xmlDecode(v);
        return;
      case 'e':
        values[col] = v;
        return;
      case 'b':
        values[col] = parseInt(v, 10) !== 0;
        return;
      default: {
        const n = parseFloat(v);
        // A cell's own style replaces its row's (even one without a format); a style id it does not know leaves the row's.
        let fmt = rowFmt;
        const own = cellStyle ? styleOf(cellStyle) : null;
        if (own) fmt = own.numFmt;
        values[col] = isDateFmt(fmt) ? serialDate(n, ctx.date1904) : n;
      }
    }
  };
  // A repeated attribute is not well-formed XML; the first one is taken.
  const cellAttribute = (nameFrom: number, nameTo: number, value: string): void => {
    if (nameTo - nameFrom !== 1) return;
    const ch = cellSrc.charCodeAt(nameFrom);
    if (ch === 114) ref ??= value;
    else if (ch === 115) cellStyle ||= parseInt(value, 10) || 0;
    else if (ch === 116) type ??= value;
  };
  let cellSrc = '';
  const x = new XmlScanner({
    open(name, src, from, to) {
      switch (name) {
        case 'sheetData':
          inRows = true;
          break;
        case 'row':
          if (inRows) {
            row = { number: parseInt(attribute(src, from, to, 'r') ?? '', 10), values: [] };
            const s = attribute(src, from, to, 's');
            rowFmt = s ? styleOf(parseInt(s, 10))?.numFmt : undefined;
          }
          break;
        case 'c':
          if (row) {
            inCell = true;
            ref = type = undefined;
            cellStyle = 0;
            cellSrc = src;
            eachAttribute(src, from, to, cellAttribute);
            f = v = null;
            current = NONE;
          }
          break;
        case 'f':
          if (inCell) {
            f = '';
            current = FORMULA;
          }
          break;
        case 'v':
        case 'is':
        case 't':
          if (inCell) {
            v = '';
            current = VALUE;
          }
          break;
      }
    },
    text(t) {
      if (current === VALUE) v += t;
      else if (current === FORMULA) f += t;
    },
    close(name) {
      switch (name) {
        case 'sheetData':
          inRows = false;
          break;
        case 'row':
          if (row) out.push(row);
          row = null;
          break;
        case 'c':
          if (row && inCell) endCell();
          inCell = false;
          break;
      }
    },
  });
  for await (const c of chunks) {
    x.write(c);
    if (out.length > 0) {
      yield out;
      out = [];
    }
  }
  x.end();
  if (out.length > 0) yield out;
}

const SHEET_PATH = /xl\/worksheets\/sheet(\d+)[.]xml/;

/**
 * The worksheets of an .xlsx in exceljs's WorkbookReader's order: it meets the zip's parts in
 * the order they are stored, reads a sheet at once when the shared strings and the workbook's
 * relationships came before it, and otherwise after the last part (exceljs keeps it in a
 * temporary file till then); a sheet read at once sees the styles stored before it.
 */
export async function* xlsxSheets(path: string): AsyncGenerator<XlsxSheet> {
  const entries = await zipEntries(path);
  const styles = new StylesXform();
  styles.init();
  let rels: { Id: string; Target: string }[] | undefined;
  let workbook: WorkbookXform | undefined;
  let strings: (string | null)[] | null = null;
  const waiting: { no: string; entry: ZipEntry }[] = [];
  const sheet = (no: string, entry: ZipEntry): XlsxSheet => {
    const rel = (rels ?? []).find((r) => r.Target === `worksheets/sheet${no}.xml`);
    const named = rel && (workbook?.model?.sheets ?? []).find((s) => s.rId === rel.Id);
    const ctx: SheetContext = { strings, styles, date1904: !!workbook?.map.workbookPr.model?.date1904 };
    return { name: named ? named.name : undefined, rows: () => sheetRows(entryText(path, entry), ctx) };
  };
  for (const e of entries) {
    switch (e.name) {
      case 'xl/_rels/workbook.xml.rels':
        rels = await new RelationshipsXform().parseStream([await entryString(path, e)]);
        break;
      case 'xl/workbook.xml':
        workbook = new WorkbookXform();
        await workbook.parseStream([await entryString(path, e)]);
        break;
      case 'xl/sharedStrings.xml':
        strings = await sharedStrings(entryText(path, e));
        break;
      case 'xl/styles.xml':
        await styles.parseStream([await entryString(path, e)]);
        break;
      default: {
        const m = SHEET_PATH.exec(e.name);
        if (!m) break;
        if (strings && rels) yield sheet(m[1], e);
        else waiting.push({ no: m[1], entry: e });
      }
    }
  }
  for (const w of waiting) yield sheet(w.no, w.entry);
}
