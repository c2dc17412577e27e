/**
 * What exceljs's streaming WorkbookReader gives for each sheet of a file — the rows and their
 * values as `bangfu rollup` read them before src/cli/xlsxReader.ts (row.values through
 * excel.ts's cellValue, holes kept), with the shared strings and each sheet decoded as one UTF-8
 * stream (exceljs alone breaks a character split between two chunks). The reference the reader
 * is compared with.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { cellValue } from '../../src/cli/excel';

export interface ReadSheet {
  name: string | undefined;
  rows: { number: number; values: unknown[] }[];
}

async function* decodeUtf8(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const c of chunks) {
    const text = typeof c === 'string' ? c : decoder.decode(c as Uint8Array, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/**
 * exceljs's streaming unzip now and then loses the parts stored after the sheets of a small zip
 * (the sheets are then read without their shared strings: each such cell comes out as ''); the
 * reference is read again until it read all the shared strings of a file that has them before
 * its first sheet.
 */
export async function exceljsSheets(path: string): Promise<ReadSheet[]> {
  for (let attempt = 1; ; attempt++) {
    const r = await readOnce(path);
    if (r.complete || attempt === 20) return r.sheets;
  }
}

async function readOnce(path: string): Promise<{ sheets: ReadSheet[]; complete: boolean }> {
  // Read to the end before a sheet is parsed: exceljs also parses a sheet while its shared strings are half read.
  let sharedDone = false;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  const r = reader as unknown as {
    _parseSharedStrings: (entry: NodeJS.ReadableStream) => AsyncGenerator<unknown>;
    _parseWorksheet: (iterator: AsyncIterable<unknown>, sheetNo: string) => Generator<unknown>;
  };
  const sharedStrings = r._parseSharedStrings.bind(reader);
  r._parseSharedStrings = (entry) => {
    entry.setEncoding('utf8');
    const inner = sharedStrings(entry);
    return (async function* () {
      yield* inner;
      sharedDone = true;
    })();
  };
  const worksheet = r._parseWorksheet.bind(reader);
  r._parseWorksheet = (iterator, sheetNo) => worksheet(decodeUtf8(iterator), sheetNo);
  const out: ReadSheet[] = [];
  let complete = true;
  for await (const ws of reader) {
    if (!sharedDone) complete &&= !(await zipHasSharedStrings(path));
    const sheet: ReadSheet = { name: (ws as unknown as { name?: string }).name, rows: [] };
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
      sheet.rows.push({ number: row.number, values: (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue) });
    }
    out.push(sheet);
  }
  return { sheets: out, complete };
}

async function zipHasSharedStrings(path: string): Promise<boolean> {
  return (await readFile(path)).includes('xl/sharedStrings.xml');
}
