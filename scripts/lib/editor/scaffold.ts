import { expectedEntryId } from '../../../src/lib/content/interpretations.ts';
import { DOCUMENT_ID } from '../../../src/schemas/document.ts';

/**
 * What `npm run new` was asked to interpret: a document id (`2021`, `2022-fujian`) or a point of
 * one (`2022-fujian/03`); null when the argument is neither.
 */
export function parseTarget(target: string): { documentId: string; no?: string } | null {
  const [documentId = '', no, ...rest] = target.split('/');
  if (rest.length > 0 || !DOCUMENT_ID.test(documentId) || (no !== undefined && !/^\d{2,}$/.test(no))) return null;
  return no === undefined ? { documentId } : { documentId, no };
}

/** How the scaffold names the policy: `《标题》` or `《标题》第18项“…”` (`第一部分（三）“…”` for printed labels). */
export function policyTitleOf(documentTitle: string, point?: { place: string; title: string }): string {
  return point ? `《${documentTitle}》${point.place}“${point.title}”` : `《${documentTitle}》`;
}

export interface ScaffoldInput {
  kind: 'jiedu' | 'tujie';
  /** `2021/18` for a point, `2021` (a document id) for a whole document. */
  target: string;
  /** The policy's title, for the entry's title. */
  policyTitle: string;
  /** The policy's 发布日期, for 三同步. */
  policyPublishedAt: string;
  /** Today, YYYY-MM-DD. */
  today: string;
}

/** What a new 解读 says under each of its four headings: what the editor is to write there. */
function jieduGuide(target: string): string {
  const tasks = target.includes('/') ? `\n<Tasks point="${target}" />\n` : '';
  return `## 政策背景\n\n（为什么出台：相关法规、上级部署、要解决的问题。用自己的话写，不要摘抄原文。）\n\n## 出台目的\n\n（希望达到什么效果。）\n\n## 重要举措\n\n（具体要做什么，群众和企业能感受到哪些变化。必须引用原文时，用 Quote 组件逐字引用一句，见 docs/editor-guide.md。）\n\n## 谁来做、何时完成\n\n（牵头部门和完成时限由下表自动列出，不必重复。）\n${tasks}`;
}

/**
 * A new, valid 文字解读 or 图解 entry with the right references and today's date. When today is not
 * the policy's 发布日期, a `lateReason` line is added for the editor to complete (三同步). A 解读's
 * text is `body`, by default the guide to what to write under each heading.
 */
export function scaffold(input: ScaffoldInput, body = jieduGuide(input.target)): { path: string; text: string } {
  const isPoint = input.target.includes('/');
  const key = isPoint ? `point:${input.target}` : `document:${input.target}`;
  const id = expectedEntryId(key);
  const interprets = isPoint ? `  point: ${input.target}` : `  document: "${input.target}"`;
  const late = input.today === input.policyPublishedAt ? '' : 'lateReason: 请说明未与政策同日发布的原因（三同步）\n';
  const head = `interprets:\n${interprets}\npublishedAt: ${input.today}\n${late}origin: official\ndisclosure: 主动公开\n`;
  if (input.kind === 'tujie') {
    return {
      path: `src/content/tujie/${id}.yaml`,
      text: `${head}title: 图解：${input.policyTitle}\nkind: generated\nmeasures:\n  - 第一条重点举措\n  - 第二条重点举措\n  - 第三条重点举措\n`,
    };
  }
  return {
    path: `src/content/jiedu/${id}.mdx`,
    text: `---\ntitle: ${input.policyTitle}解读\n${head}summary: 用一两句话说明这项政策对群众和企业意味着什么（不超过 100 字）。\n---\n\n${body}`,
  };
}
