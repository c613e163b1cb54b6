/**
 * `npm run new -- jiedu 2021/18` (or `tujie`; a document id such as `2021` or `2022-fujian` for a
 * whole document, `2022-fujian/03` for one of its points): scaffolds a valid entry with today's
 * date and the right references, then tells the editor what to fill in.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseTarget, policyTitleOf, scaffold } from './lib/editor/scaffold.ts';
import { pointPlace } from '../src/lib/content/labels.ts';

const root = resolve(import.meta.dirname, '..');
const [kind, target] = process.argv.slice(2);

function fail(zh: string, en: string): never {
  console.error(
    `${zh}\n${en}\n用法 usage: npm run new -- jiedu|tujie 2021/18   (整份文件 whole document: 2021；文件编号即 src/content/documents/ 下的文件名 / the document id is its file name)`,
  );
  process.exit(1);
}

const parsed = (kind === 'jiedu' || kind === 'tujie') && target ? parseTarget(target) : null;
if (!parsed || !target || (kind !== 'jiedu' && kind !== 'tujie')) {
  fail(
    '参数不对：第一个是 jiedu 或 tujie，第二个是要点（如 2021/18）或文件编号（如 2021、2022-fujian）。',
    'Wrong arguments: jiedu or tujie, then a point (2021/18) or a document id (2021, 2022-fujian).',
  );
}
const { documentId, no } = parsed;
const documentFile = resolve(root, 'src/content/documents', `${documentId}.yaml`);
if (!existsSync(documentFile))
  fail(
    `找不到文件 ${documentId}：src/content/documents/${documentId}.yaml 不存在。`,
    `No document ${documentId}: src/content/documents/${documentId}.yaml does not exist.`,
  );
const document = parse(readFileSync(documentFile, 'utf8')) as {
  title: string;
  publishedAt: string;
  sections: { no: number; numeral?: string; subsections?: { no: number; numeral?: string }[] }[];
};
let policyTitle = policyTitleOf(document.title);
if (no) {
  const pointFile = resolve(root, 'src/content/points', documentId, `${no}.yaml`);
  if (!existsSync(pointFile)) fail(`找不到要点 ${target}：${pointFile} 不存在。`, `No point ${target}.`);
  const point = parse(readFileSync(pointFile, 'utf8')) as {
    no: number;
    label?: string;
    unlabelled?: true;
    section: number;
    subsection?: number;
    title: string;
  };
  const place = pointPlace(
    { data: point },
    document.sections.find((s) => s.no === point.section),
  );
  policyTitle = policyTitleOf(document.title, { place, title: point.title });
}
const today = new Date().toISOString().slice(0, 10);
const { path, text } = scaffold({ kind, target, policyTitle, policyPublishedAt: String(document.publishedAt), today });
const full = resolve(root, path);
const existing = [full, full.replace(/\.mdx$/, '.md')].find((f) => existsSync(f));
if (existing) fail(`${relative(root, existing)} 已存在，未覆盖。`, `${relative(root, existing)} already exists; nothing was written.`);
mkdirSync(dirname(full), { recursive: true });
writeFileSync(full, text);
console.log(`已创建 created ${path}\n请填写括号中的内容，然后运行 npm run check。 Fill in the bracketed parts, then run npm run check.`);
