/**
 * The render-time sanitiser of 解读 (src/lib/jiedu/sanitize.ts), run through the very processor
 * Astro is configured with (`@astrojs/markdown-satteri`, its Markdown and its MDX renderer). Each
 * payload is first shown to reach the output without the step, then to be gone with it; legitimate
 * content, all the real 解读 included, comes out byte for byte the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import { sanitizeJiedu } from '../../../src/lib/jiedu/sanitize.ts';
import { MARKDOWN_PAYLOADS, MDX_PAYLOADS, unsafeHtml } from '../../fixtures/jiedu-payloads.ts';

const REPO = join(import.meta.dirname, '../../..');
type Shared = Parameters<ReturnType<typeof satteri>['createRenderer']>[0];
const SHARED = { syntaxHighlight: false } as Shared;

const processors = { raw: satteri(), sanitised: satteri({ hastPlugins: [sanitizeJiedu] }) };
async function markdown(source: string, which: keyof typeof processors): Promise<string> {
  const renderer = await processors[which].createRenderer(SHARED);
  return (await renderer.render(source)).code;
}
async function mdx(source: string, which: keyof typeof processors): Promise<string> {
  const renderer = await processors[which].createMdxRenderer!(SHARED, { optimize: false });
  return (await renderer.process(source, join(REPO, 'src/content/jiedu/test.mdx'), {})).code;
}

/** Everything unsafe in a compiled MDX module: HTML elements written as JSX, handlers, script URLs, the payloads' code. */
function unsafeMdx(code: string): string[] {
  return [
    ...[...code.matchAll(/_jsxs?\("([^"]+)"/g)].map((m) => `<${m[1]}>`),
    ...[...code.matchAll(/\b(on[a-z]+):/g)].map((m) => `${m[1]}=`),
    ...[...code.matchAll(/(javascript|vbscript|data):/gi)].map((m) => `${m[1]}:`),
    ...[...code.matchAll(/alert\b|msgbox|node:fs|display: none/g)].map((m) => m[0]),
  ];
}

describe('sanitising Markdown 解读', () => {
  it.each(MARKDOWN_PAYLOADS)('%s: reaches the HTML without the step, never with it', async (_label, payload) => {
    const source = `## 标题\n\n正文。\n\n${payload}\n\n结尾。\n`;
    expect(unsafeHtml(await markdown(source, 'raw'), { fragment: true })).not.toEqual([]);
    const html = await markdown(source, 'sanitised');
    expect(unsafeHtml(html, { fragment: true })).toEqual([]);
    expect(html).toContain('<p>正文。</p>');
    expect(html).toContain('结尾。');
  });

  it('leaves everything Markdown and GFM make as it was', async () => {
    const source = [
      '# 一',
      '## 二 *强调* **加粗** ~~删除~~ `代码`',
      '段落[站内](/yaodian/2021/18/ "标题")、[外链](https://www.ln.gov.cn/)、<https://www.gov.cn/>、[信](mailto:a@b.cn)、[电话](tel:12345)。  \n换行',
      '![图](/images/a.png "说明")',
      '> 引文',
      '- [x] 完成\n- [ ] 未完成',
      '3. 三\n4. 四',
      '| 左 | 中 | 右 |\n|:--|:-:|--:|\n| 1 | 2 | 3 |',
      '```js\nconst a = 1 < 2;\n```',
      '脚注[^a]\n\n[^a]: 注释',
      '---',
    ].join('\n\n');
    const html = await markdown(source, 'sanitised');
    expect(html).toBe(await markdown(source, 'raw'));
    expect(unsafeHtml(html, { fragment: true })).toEqual([]);
  });
});

describe('sanitising MDX 解读', () => {
  it.each(MDX_PAYLOADS)('%s: reaches the compiled page without the step, never with it', async (_label, payload) => {
    const source = `## 标题\n\n正文。\n\n${payload}\n\n结尾。\n`;
    expect(unsafeMdx(await mdx(source, 'raw'))).not.toEqual([]);
    const code = await mdx(source, 'sanitised');
    expect(unsafeMdx(code)).toEqual([]);
    expect(code).toContain('"正文。"');
  });

  it('keeps the allowlisted components with their own props', async () => {
    const source =
      '<Figure src="/images/a.png" alt="图" caption="说明" width={800} height={450} />\n\n<Tasks point="2021/18" />\n\n<Quote>原文</Quote>\n\n<Note>提示</Note>\n';
    const code = await mdx(source, 'sanitised');
    expect(code).toBe(await mdx(source, 'raw'));
    expect(code).toMatch(/_jsx\(Figure, \{\s*src: "\/images\/a.png",\s*alt: "图",\s*caption: "说明",\s*width: 800,\s*height: 450\s*\}\)/);
    expect(code).toMatch(/_jsx\(Tasks, \{\s*point: "2021\/18"\s*\}\)/);
  });

  it('drops a component’s unknown or unsafe props and keeps the rest', async () => {
    const code = await mdx(
      '<Figure src="javascript:alert(1)" alt="图" width={800} height={450} title="x" caption={alert(1)} />\n',
      'sanitised',
    );
    expect(code).toMatch(/_jsx\(Figure, \{\s*alt: "图",\s*width: 800,\s*height: 450\s*\}\)/);
  });

  it('changes nothing in the real 解读', async () => {
    const dir = join(REPO, 'src/content/jiedu');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.mdx?$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(29);
    for (const f of files) {
      const body = readFileSync(join(dir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      const render = f.endsWith('.mdx') ? mdx : markdown;
      const output = await render(body, 'sanitised');
      expect(output, f).toBe(await render(body, 'raw'));
      expect(f.endsWith('.mdx') ? unsafeMdx(output) : unsafeHtml(output, { fragment: true }), f).toEqual([]);
    }
  });
});
