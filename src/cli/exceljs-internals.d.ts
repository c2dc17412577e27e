// exceljs's own parsers of the small parts of a workbook (styles, workbook, relationships), which
// src/cli/xlsxReader.ts reuses so that date formats and sheet names are read exactly as exceljs
// reads them. exceljs ships no types for them: only what the reader calls.
declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  export default class StylesXform {
    init(): void;
    parseStream(chunks: AsyncIterable<string> | Iterable<string>): Promise<unknown>;
    getStyleModel(id: number): { numFmt?: string } | null;
  }
}

declare module 'exceljs/lib/xlsx/xform/book/workbook-xform.js' {
  export default class WorkbookXform {
    parseStream(chunks: AsyncIterable<string> | Iterable<string>): Promise<unknown>;
    model?: { sheets?: { id: number; name: string; rId: string; state?: string }[] };
    map: { workbookPr: { model?: { date1904?: boolean } } };
  }
}

declare module 'exceljs/lib/xlsx/xform/core/relationships-xform.js' {
  export default class RelationshipsXform {
    parseStream(chunks: AsyncIterable<string> | Iterable<string>): Promise<{ Id: string; Target: string }[] | undefined>;
  }
}
