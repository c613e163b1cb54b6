import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTarget, policyTitleOf, scaffold } from '../../../scripts/lib/editor/scaffold.ts';
import { checkContent } from '../../../scripts/lib/check/index.ts';

const REPO = join(import.meta.dirname, '../../..');

describe('npm run new scaffolds', () => {
  it('a 解读 and a 图解 whose front matter passes the check, with a lateReason to fill in when late', () => {
    const root = mkdtempSync(join(tmpdir(), 'new-'));
    try {
      cpSync(join(REPO, 'src/content'), join(root, 'src/content'), { recursive: true });
      for (const kind of ['jiedu', 'tujie'] as const) {
        rmSync(join(root, `src/content/${kind}/2021/18.${kind === 'jiedu' ? 'mdx' : 'yaml'}`));
        const { path, text } = scaffold({
          kind,
          target: '2021/18',
          policyTitle: '第18项',
          policyPublishedAt: '2021-06-22',
          today: '2026-11-26',
        });
        expect(path).toBe(`src/content/${kind}/2021/18.${kind === 'jiedu' ? 'mdx' : 'yaml'}`);
        expect(text).toContain('lateReason:');
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      const { issues } = checkContent(root);
      // The only findings are the ones the editor must act on: writing the 解读 itself.
      expect(issues.map((i) => `${i.file}: ${i.en}`)).toEqual([expect.stringMatching(/jiedu\/2021\/18\.mdx: the 解读 is too short/)]);
      expect(readFileSync(join(root, 'src/content/jiedu/2021/18.mdx'), 'utf8')).toContain('<Tasks point="2021/18" />');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('no lateReason line when published the same day as the policy, and document-level ids', () => {
    const { path, text } = scaffold({
      kind: 'jiedu',
      target: '2021',
      policyTitle: '要点',
      policyPublishedAt: '2021-06-22',
      today: '2021-06-22',
    });
    expect(path).toBe('src/content/jiedu/2021/quanwen.mdx');
    expect(text).not.toContain('lateReason');
    expect(text).toContain('document: "2021"');
    expect(text).not.toContain('<Tasks');
  });

  it('takes document ids other than years, and points of them', () => {
    expect(parseTarget('2021')).toEqual({ documentId: '2021' });
    expect(parseTarget('2022-fujian/03')).toEqual({ documentId: '2022-fujian', no: '03' });
    expect(parseTarget('d7/12')).toEqual({ documentId: 'd7', no: '12' });
    for (const bad of ['', '2022_Fujian', '2021/3', '2021/18/1', '/18']) expect(parseTarget(bad), bad).toBeNull();
    const { path, text } = scaffold({
      kind: 'tujie',
      target: '2022-fujian/03',
      policyTitle: policyTitleOf('福建省2022年政务公开工作要点', { place: '第一部分（三）', title: '推进决策公开' }),
      policyPublishedAt: '2022-04-01',
      today: '2022-04-01',
    });
    expect(path).toBe('src/content/tujie/2022-fujian/03.yaml');
    expect(text).toContain('point: 2022-fujian/03');
    expect(text).toContain('title: 图解：《福建省2022年政务公开工作要点》第一部分（三）“推进决策公开”');
  });
});
