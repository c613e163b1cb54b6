import type { ParsedDocument } from '../parseDocument.ts';
import type { DepartmentKind } from '../departmentSlug.ts';

/** Section 7: every department with its kind, the spellings merged into one and the near-matches left apart. */
export function departmentsSection(doc: ParsedDocument): string[] {
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  push('## 7. 部门 Departments', '');
  push(
    '已存在的部门文件不会被覆盖（编辑可添加别名）。 Existing department files are never overwritten (editors may add aliases).',
    '',
    '| id | 名称 Name | 类型 Kind |',
    '| --- | --- | --- |',
  );
  const kindName: Record<DepartmentKind, string> = {
    municipal: '市直部门/单位 municipal',
    district: '区县政府 district',
    group: '集合 group',
    internal: '内设机构 internal office',
    external: '垂直管理/驻地单位 outside unit',
  };
  for (const d of doc.departments) {
    const of = d.owner ?? d.government;
    push(`| \`${d.slug}\` | ${d.name}${of ? `（${of}）` : ''} | ${kindName[d.kind]} |`);
  }
  push('');
  if (doc.departmentAliases.length > 0) {
    push('### 同一部门的不同写法 Spellings of one office (merged)', '', '| 名称 Name | 别名 Aliases |', '| --- | --- |');
    for (const a of doc.departmentAliases) push(`| ${a.name} | ${a.aliases.join('、')} |`);
    push('');
  }
  if (doc.similarDepartments.length > 0) {
    push('### 相近但未合并的名称 Similar names not merged (confirm they are different offices)', '');
    for (const [a, b] of doc.similarDepartments) push(`- ${a} / ${b}`);
    push('');
  }
  return out;
}
