import { importError } from '../errors.ts';
import { readText } from './readText.ts';
import type { SourceDocument } from './types.ts';

/** Reads a source file by its extension (placeholder until the HTML and Word readers land). */
export async function readSource(path: string, bytes: Uint8Array): Promise<SourceDocument> {
  if (/\.(md|txt)$/iu.test(path)) return readText(new TextDecoder('utf-8').decode(bytes));
  throw importError(path, 1, 'format', '不支持的文件格式', 'unsupported file format', '另存为 .docx 或网页 .html / save it as .docx or as a web page .html');
}
