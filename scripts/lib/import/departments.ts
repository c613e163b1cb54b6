import { departmentKind, departmentSlug, type DepartmentKind } from './departmentSlug.ts';

export interface Department {
  slug: string;
  name: string;
  kind: DepartmentKind;
  aliases: string[];
  /** True when `src/content/departments/<slug>.yaml` already exists; such files are never rewritten. */
  existing: boolean;
  /** The government the department belongs to when it is not the site's own. */
  government?: string;
}

export interface ExistingDepartment {
  slug: string;
  name: string;
  aliases: string[];
  kind: DepartmentKind;
  government?: string;
}

/**
 * Resolves department names to ids. A name (or alias) of an existing entry of the same government
 * maps to that entry, so editors can merge spellings by adding aliases. Names of another
 * government's document (`government`, e.g. 福建省) never match the site's own departments: its
 * 市财政局 is another department, whose id starts with the government's pinyin. New names get a
 * pinyin slug; if two different new names share a slug, the later one (in order of first
 * appearance) gets `-2`, `-3`, ….
 */
export function resolveDepartments(
  names: string[],
  existing: ExistingDepartment[],
  government?: string,
): { bySlug: Department[]; slugOf: Map<string, string> } {
  const slugOf = new Map<string, string>();
  const taken = new Map<string, Department>();
  for (const e of existing) {
    taken.set(e.slug, { ...e, existing: true });
    if (e.government !== government) continue;
    for (const n of [e.name, ...e.aliases]) if (!slugOf.has(n)) slugOf.set(n, e.slug);
  }
  const used = new Set<string>();
  for (const name of names) {
    let slug = slugOf.get(name);
    if (slug === undefined) {
      // 闽江省's 省财政厅 → min-jiang-sheng-cai-zheng-ting: the level word is the government's own.
      const level = government?.slice(-1);
      const bare = government && !name.startsWith(government) && level && name.startsWith(level) ? name.slice(level.length) : name;
      const own = departmentSlug(bare) || 'bumen';
      const base = government && !name.startsWith(government) ? `${departmentSlug(government)}-${own}` : own;
      slug = base;
      for (let k = 2; taken.has(slug); k++) slug = `${base}-${k}`;
      taken.set(slug, { slug, name, kind: departmentKind(name), aliases: [], existing: false, ...(government ? { government } : {}) });
      slugOf.set(name, slug);
    }
    used.add(slug);
  }
  const bySlug = [...used].sort().map((s) => taken.get(s)!);
  return { bySlug, slugOf };
}
