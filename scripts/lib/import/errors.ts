/**
 * A problem in the source document that stops the import. It always names the place
 * (file and 1-based line), the field, says what is wrong in Chinese and English, and how to fix it,
 * so that an editor can correct the seed without reading the importer's code.
 */
export class ImportError extends Error {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly zh: string;
  readonly en: string;
  readonly fix: string;

  constructor(details: { file: string; line: number; field: string; zh: string; en: string; fix: string }) {
    super(`${details.file}:${details.line} [${details.field}] ${details.zh} / ${details.en}`);
    this.name = 'ImportError';
    this.file = details.file;
    this.line = details.line;
    this.field = details.field;
    this.zh = details.zh;
    this.en = details.en;
    this.fix = details.fix;
  }

  /** Multi-line text for the terminal: `file:line`, field, 中文, English, fix. */
  format(): string {
    return [
      `${this.file}:${this.line}`,
      `  字段 field: ${this.field}`,
      `  错误: ${this.zh}`,
      `  error: ${this.en}`,
      `  修改建议 fix: ${this.fix}`,
    ].join('\n');
  }
}

/** Shorthand used by the parsers, which all know the file they read. */
export function importError(file: string, line: number, field: string, zh: string, en: string, fix: string): ImportError {
  return new ImportError({ file, line, field, zh, en, fix });
}
