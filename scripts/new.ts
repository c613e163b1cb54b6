/**
 * `npm run new -- jiedu 2021/18` (or `tujie`, or `2021` for a whole document): scaffolds a valid
 * entry with today's date and the right references, then tells the editor what to fill in.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { scaffold } from '../src/lib/editor/scaffold.ts';

const root = resolve(import.meta.dirname, '..');
const [kind, target] = process.argv.slice(2);

function fail(zh: string, en: string): never {
  console.error(`${zh}\n${en}\n用法 usage: npm run new -- jiedu|tujie 2021/18   (整份文件 whole document: 2021)`);
  process.exit(1);
}

if ((kind !== 'jiedu' && kind !== 'tujie') || !target || !/^\d{4}(\/\d{2})?$/.test(target)) {
  fail('参数不对：第一个是 jiedu 或 tujie，第二个是要点（如 2021/18）或文件年份（如 2021）。', 'Wrong arguments: jiedu or tujie, then a point (2021/18) or a document year (2021).');
}
const [year, no] = target.split('/');
const documentFile = resolve(root, 'src/content/documents', `${year}.yaml`);
if (!existsSync(documentFile)) fail(`找不到文件 ${year}：src/content/documents/${year}.yaml 不存在。`, `No document ${year}: src/content/documents/${year}.yaml does not exist.`);
const document = parse(readFileSync(documentFile, 'utf8')) as { title: string; publishedAt: string };
let policyTitle = `《${document.title}》`;
if (no) {
  const pointFile = resolve(root, 'src/content/points', year!, `${no}.yaml`);
  if (!existsSync(pointFile)) fail(`找不到要点 ${target}：${pointFile} 不存在。`, `No point ${target}.`);
  const point = parse(readFileSync(pointFile, 'utf8')) as { no: number; title: string };
  policyTitle = `《${document.title}》第${point.no}项“${point.title}”`;
}
const today = new Date().toISOString().slice(0, 10);
const { path, text } = scaffold({ kind, target, policyTitle, policyPublishedAt: String(document.publishedAt), today });
const full = resolve(root, path);
const existing = [full, full.replace(/\.mdx$/, '.md')].find((f) => existsSync(f));
if (existing) fail(`${relative(root, existing)} 已存在，未覆盖。`, `${relative(root, existing)} already exists; nothing was written.`);
mkdirSync(dirname(full), { recursive: true });
writeFileSync(full, text);
console.log(`已创建 created ${path}\n请填写括号中的内容，然后运行 npm run check。 Fill in the bracketed parts, then run npm run check.`);
