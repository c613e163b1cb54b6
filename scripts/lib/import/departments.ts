import { departmentAliases, sameOffice, type DepartmentAlias } from './departmentAliases.ts';
import { departmentKind, departmentSlug, type DepartmentKind } from './departmentSlug.ts';
import { namesOwnPlace } from './departmentList.ts';

export interface Department {
  slug: string;
  name: string;
  kind: DepartmentKind;
  aliases: string[];
  /** True when `src/content/departments/<slug>.yaml` already exists; such files are never rewritten. */
  existing: boolean;
  /**
   * The government the department belongs to when it is not the site's own; for a unit outside
   * every local government (kind external) whose name has no place (国税局), where it sits.
   */
  government?: string;
  /** For an internal office (kind internal): the department whose office it is. */
  owner?: string;
}

export interface ExistingDepartment {
  slug: string;
  name: string;
  aliases: string[];
  kind: DepartmentKind;
  government?: string;
  owner?: string;
}

/** Merged spellings of one office, and names that may be one office but were kept apart. */
export interface AliasFindings {
  merged: DepartmentAlias[];
}

/**
 * The id a new department gets before collisions are numbered. Another government's department
 * gets that government's pinyin first (闽江省's 省财政厅 → min-jiang-sheng-cai-zheng-ting: the level
 * word is the government's own); an internal office gets its owner's pinyin first; a unit outside
 * every local government that names its own place (平潭海关, 人民银行平潭支行) gets no prefix.
 */
function baseSlug(name: string, kind: DepartmentKind, government: string | undefined, issuer: string): string {
  if (kind === 'internal') return `${departmentSlug(issuer) || 'bumen'}-${departmentSlug(name) || 'bumen'}`;
  if (kind === 'external' && namesOwnPlace(name)) return departmentSlug(name) || 'bumen';
  const level = government?.slice(-1);
  // 区直各相关单位 keeps its 区: 区直 (the 区's own units) is one word.
  const bare =
    government && !name.startsWith(government) && level && name.startsWith(level) && name[1] !== '直' ? name.slice(level.length) : name;
  const own = departmentSlug(bare) || 'bumen';
  return government && !name.startsWith(government) ? `${departmentSlug(government)}-${own}` : own;
}

/** The `government` a new department records (see Department.government). */
function governmentOf(name: string, kind: DepartmentKind, government: string | undefined): string | undefined {
  if (kind === 'internal' || (kind === 'external' && namesOwnPlace(name))) return undefined;
  return government;
}

/**
 * Resolves department names to ids. Spellings of one office within the document (交通建设局 /
 * 交通与建设局, 财金局 / 财政金融局: see sameOffice) become one department, the fullest spelling its
 * name and the others its aliases; `aliases` lists these merges for the import report. A name (or
 * alias) of an existing entry of the same government, or a spelling of the same office, maps to
 * that entry, so editors can merge spellings by adding aliases. Names of another government's
 * document (`government`, e.g. 福建省) never match the site's own departments: its 市财政局 is
 * another department, whose id starts with the government's pinyin. When `issuer` is a department
 * (平潭综合实验区环境与国土资源局), its own offices (办公室, 法规科, 各科室) are internal departments
 * owned by it, never the government's. New names get a pinyin slug; if two different new names
 * share a slug, the later one (in order of first appearance) gets `-2`, `-3`, ….
 */
export function resolveDepartments(
  names: string[],
  existing: ExistingDepartment[],
  government?: string,
  issuer = '',
): { bySlug: Department[]; slugOf: Map<string, string>; aliases: DepartmentAlias[] } {
  const slugOf = new Map<string, string>();
  const taken = new Map<string, Department>();
  const comparable: { spelling: string; slug: string; owner: string | undefined }[] = [];
  for (const e of existing) {
    taken.set(e.slug, { ...e, existing: true });
    if (e.government !== government) continue;
    for (const n of [e.name, ...e.aliases]) {
      if (!slugOf.has(n) && e.kind !== 'internal') slugOf.set(n, e.slug);
      comparable.push({ spelling: n, slug: e.slug, owner: e.owner });
    }
  }
  const kinds = new Map([...new Set(names)].map((n) => [n, departmentKind(n, issuer)]));
  // Internal offices are compared only with each other: 办公室 of the issuer is not 区办公室.
  const merges = [
    ...departmentAliases(names.filter((n) => kinds.get(n) !== 'internal')),
    ...departmentAliases(names.filter((n) => kinds.get(n) === 'internal')),
  ];
  const canonical = new Map(merges.flatMap((m) => m.aliases.map((a): [string, string] => [a, m.name])));
  const spellings = new Map(merges.map((m) => [m.name, m.aliases]));
  const used = new Set<string>();
  /** Names of this call already resolved (internal offices are not looked up in slugOf). */
  const resolved = new Map<string, string>();
  for (const printed of names) {
    const name = canonical.get(printed) ?? printed;
    const kind = kinds.get(name) ?? departmentKind(name, issuer);
    const group = [name, ...(spellings.get(name) ?? [])];
    let slug = resolved.get(name) ?? group.map((n) => (kind === 'internal' ? undefined : slugOf.get(n))).find((s) => s !== undefined);
    slug ??= comparable.find(
      (c) => (kind === 'internal' ? c.owner === issuer : c.owner === undefined) && group.some((n) => sameOffice(n, c.spelling)),
    )?.slug;
    if (slug === undefined) {
      const base = baseSlug(name, kind, government, issuer);
      slug = base;
      for (let k = 2; taken.has(slug); k++) slug = `${base}-${k}`;
      const own = governmentOf(name, kind, government);
      const owner = kind === 'internal' ? issuer : undefined;
      taken.set(slug, {
        slug,
        name,
        kind,
        aliases: group.slice(1),
        existing: false,
        ...(own ? { government: own } : {}),
        ...(owner ? { owner } : {}),
      });
    }
    for (const n of group) {
      slugOf.set(n, slug);
      resolved.set(n, slug);
    }
    used.add(slug);
  }
  const bySlug = [...used].sort().map((s) => taken.get(s)!);
  return { bySlug, slugOf, aliases: merges };
}
