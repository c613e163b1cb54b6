import { dropConnectives, isShortFormOf, splitSuffix, STANDARD_ABBREVIATIONS } from './departmentLexicon.ts';
import { governmentPrefix } from './departmentList.ts';

/** One office printed under several spellings: `name` is kept, `aliases` resolve to it. */
export interface DepartmentAlias {
  name: string;
  aliases: string[];
}

interface NameParts {
  /** The level or government the name starts with (区, 平潭综合实验区, ''). */
  level: string;
  /** The stem without level, connectives and suffix: 交通建设 for 区交通与建设局. */
  stem: string;
  /** The suffix class (局, 委, 办…; '' when the name ends otherwise). */
  suffix: string;
}

function partsOf(name: string): NameParts {
  const level = governmentPrefix(name);
  const { stem, suffix } = splitSuffix(name.slice(level.length));
  return { level, stem: dropConnectives(stem), suffix };
}

/** The full stem a standard short form stands for (人社 → 人力资源社会保障), else the stem itself. */
function expanded(stem: string): string {
  return STANDARD_ABBREVIATIONS[stem] ?? stem;
}

/**
 * True when two spellings denote one office of one government: same level, same suffix class and
 * either the same stem once connectives are dropped (交通建设局 / 交通与建设局), a standard short
 * form (人社局 / 人力资源和社会保障局), or a short form made of the first characters of the full
 * name's words (财金局 / 财政金融局, 市场监管局 / 市场监督管理局). Also a name and the same name with
 * the level prefix the list left out (资源生态局 / 区资源生态局). Names with a bracket (区社会事业局
 * （医改办）) or without a stem are never merged: they name a part of an office, or nothing.
 */
export function sameOffice(a: string, b: string): boolean {
  if (a === b) return true;
  if (/[（(]/u.test(a + b)) return false;
  const pa = partsOf(a);
  const pb = partsOf(b);
  if (pa.suffix !== pb.suffix || pa.suffix === '' || pa.stem === '' || pb.stem === '') return false;
  if (pa.level !== pb.level) {
    // 资源生态局 / 区资源生态局: only a bare level word (区, 市, 省) may be left out, never a place.
    const [bare, full] = pa.level === '' ? [a, b] : pb.level === '' ? [b, a] : ['', ''];
    const level = full === a ? pa.level : pb.level;
    return bare !== '' && [...level].length === 1 && full === level + bare;
  }
  if (pa.stem === pb.stem) return true;
  const ea = expanded(pa.stem);
  const eb = expanded(pb.stem);
  if (ea === eb) return true;
  return isShortFormOf(ea, eb) || isShortFormOf(eb, ea);
}

/**
 * Spellings that share a level and suffix and where one stem holds the other (区教育局 / 区教育和体育局):
 * perhaps one office, perhaps two; never merged, listed for an editor to decide.
 */
export function similarNames(a: string, b: string): boolean {
  if (a === b || sameOffice(a, b)) return false;
  const pa = partsOf(a);
  const pb = partsOf(b);
  if (pa.level !== pb.level || pa.suffix !== pb.suffix || pa.stem === '' || pb.stem === '') return false;
  const [shorter, longer] = [pa.stem, pb.stem].sort((x, y) => x.length - y.length) as [string, string];
  return !GOVERNMENT_STEM.test(shorter) && longer.includes(shorter);
}

/**
 * A stem that is the government itself: 市政府办公室 is the government's own office, and every other
 * office of it (市政府新闻办) holds that stem without being a spelling of it.
 */
const GOVERNMENT_STEM = /^(?:人民)?政府$|^党委$|^管委会$/u;

/** The spelling a merged office keeps: the longest (the full name), the first printed on a tie. */
function preferred(spellings: string[]): string {
  return spellings.reduce((best, s) => ([...s].length > [...best].length ? s : best));
}

/**
 * Groups the names of one government's document into offices (see sameOffice) and returns every
 * office printed under more than one spelling, in order of first appearance, for the import
 * report's alias table. Names are compared only within one call: pass the names of one government.
 */
export function departmentAliases(names: string[]): DepartmentAlias[] {
  const unique = [...new Set(names)];
  const groupOf = unique.map((_, i) => i);
  const root = (i: number): number => (groupOf[i] === i ? i : (groupOf[i] = root(groupOf[i]!)));
  unique.forEach((a, i) =>
    unique.forEach((b, j) => {
      if (j > i && sameOffice(a, b)) groupOf[root(j)] = root(i);
    }),
  );
  const groups = new Map<number, string[]>();
  unique.forEach((n, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), n]));
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => {
      const name = preferred(g);
      return { name, aliases: g.filter((s) => s !== name) };
    });
}

/** Pairs of names that may or may not be one office (see similarNames), for the report. */
export function similarDepartments(names: string[]): [string, string][] {
  const unique = [...new Set(names)];
  return unique.flatMap((a, i) => unique.slice(i + 1).flatMap((b): [string, string][] => (similarNames(a, b) ? [[a, b]] : [])));
}
