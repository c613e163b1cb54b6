/** Everything a generated 图解 shows, gathered from the collections, and its SVG. */
import { departmentNameOf } from './labels.ts';
import { getDepartmentMap, getTasks, type TujieEntry } from './queries.ts';
import { policyKey } from './interpretations.ts';
import { resolvePolicy } from './policies.ts';
import { documentSummary, tujieContent } from '../tujie/tujieContent.ts';
import { renderTujieSvg, type TujieContent } from '../tujie/renderTujieSvg.ts';
import { site } from '../../../site.config.mjs';

export async function generatedTujie(entry: TujieEntry, idPrefix?: string): Promise<{ content: TujieContent; svg: string } | null> {
  if (entry.data.kind !== 'generated') return null;
  const policy = await resolvePolicy(policyKey(entry.data.interprets));
  const departments = await getDepartmentMap();
  const tasks = (await getTasks(policy.document.id)).filter((t) => !policy.point || t.data.point.id === policy.point.id);
  const content = tujieContent({
    kicker: policy.point ? policy.kicker : [policy.document.data.issuer, policy.document.data.docNumber].filter(Boolean).join(' · '),
    section: policy.section ?? documentSummary(policy.document.data.sections, tasks.length),
    title: policy.point ? policy.point.data.title : policy.document.data.title,
    measures: entry.data.measures,
    tasks: tasks.map((t) => ({ lead: t.data.lead.map((d) => departmentNameOf(departments, d.id)), deadline: t.data.deadline })),
    footer: `${site.name} · ${new URL(policy.url, site.url).href}`,
  });
  return { content, svg: renderTujieSvg(content, idPrefix) };
}
