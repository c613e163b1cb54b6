import { error, type CheckIssue } from './issue.ts';
import type { LoadedEntry } from './loadEntries.ts';

/**
 * Characters no content file may hold, in any field or body: C0 controls other than tab and line
 * feed (NUL, a lone CR, the form feeds and vertical tabs a Word file carries), DEL and the C1
 * controls, which the Nu checker rejects in HTML and XML 1.0 forbids in the feed; and the bidi
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make text display in another order
 * than it is read, searched and copied (a 发文字号 or a URL shown reversed). They are invisible in
 * an editor, so each is reported with its code point.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const FORBIDDEN_CHARACTERS = /[\0-\x08\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/g;

const BIDI_NAMES: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

const CONTROL_NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x0b: 'VERTICAL TAB',
  0x0c: 'FORM FEED',
  0x0d: 'CARRIAGE RETURN',
  0x7f: 'DELETE',
};

const isBidi = (codePoint: number) => codePoint in BIDI_NAMES;

/** `U+202E RIGHT-TO-LEFT OVERRIDE`, `U+0000 NUL`, `U+0001`. */
export function describeCodePoint(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = BIDI_NAMES[codePoint] ?? CONTROL_NAMES[codePoint];
  return name ? `${hex} ${name}` : hex;
}

/** One forbidden character found in a text: its code point and where it is (1-based). */
export interface ForbiddenCharacter {
  codePoint: number;
  line: number;
  column: number;
}

/** Every forbidden character of `text`, with line and column. */
export function findForbiddenCharacters(text: string): ForbiddenCharacter[] {
  const found: ForbiddenCharacter[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const m of text.matchAll(FORBIDDEN_CHARACTERS)) {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = m.index;
    found.push({ codePoint: m[0].codePointAt(0)!, line, column: m.index - lineStart + 1 });
  }
  return found;
}

/** The text with each forbidden character made a space: the parsers then read what the editor sees, at the same positions. */
export const blankForbiddenCharacters = (text: string): string => text.replace(FORBIDDEN_CHARACTERS, ' ');

/** Character references in a Markdown or MDX body (`&#x202E;`, `&#8238;`), which render as the character. */
const CHARACTER_REFERENCE = /&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));/g;

function issueFor(file: string, line: number, codePoints: number[], where: { field?: string; column?: number; reference?: boolean }) {
  const bidi = codePoints.some(isBidi);
  const names = [...new Set(codePoints)].map(describeCodePoint).join(', ');
  const place = where.field ? `字段 ${where.field}` : `第 ${line} 行${where.column ? `第 ${where.column} 列` : ''}`;
  const placeEn = where.field ? `field ${where.field}` : `line ${line}${where.column ? `, column ${where.column}` : ''}`;
  const written = where.reference ? '（写成了字符引用 &#…;）' : where.field ? '（写成了转义符 \\u…、\\x…）' : '';
  const writtenEn = where.reference ? ' (written as a character reference &#…;)' : where.field ? ' (written as an escape \\u…, \\x…)' : '';
  return error({
    code: bidi ? 'ZW-TEXT-002' : 'ZW-TEXT-001',
    file,
    line,
    ...(where.field ? { field: where.field } : {}),
    zh: bidi
      ? `${place}有文字方向控制字符 ${names}${written}：它让文字显示的顺序与实际不同（如把编号或网址倒过来显示），编辑器里看不见`
      : `${place}有控制字符 ${names}${written}：网页、开放数据和订阅源不能含有它（多来自 Word 文件），编辑器里看不见`,
    en: bidi
      ? `${placeEn} holds the bidi control ${names}${writtenEn}: it shows text in another order than it is read (a number or URL reversed), and is invisible in an editor`
      : `${placeEn} holds the control character ${names}${writtenEn}: pages, open data and the feed cannot carry it (it usually comes from a Word file), and it is invisible in an editor`,
    fix: '删除这个字符：把光标放在该行，用编辑器的“显示不可见字符”或查找该码位定位后删除；重新导入的文件也请先删除它 / delete the character: show invisible characters in the editor or search for its code point, and remove it',
  });
}

/**
 * The raw text of a content file, as decoded: one finding per line that holds forbidden
 * characters (a Word paste may hold hundreds, one line's worth each is enough to find them).
 */
export function rawTextIssues(text: string, file: string): CheckIssue[] {
  const byLine = new Map<number, ForbiddenCharacter[]>();
  for (const found of findForbiddenCharacters(text)) byLine.set(found.line, [...(byLine.get(found.line) ?? []), found]);
  return [...byLine].map(([line, list]) =>
    issueFor(
      file,
      line,
      list.map((f) => f.codePoint),
      { column: list[0]!.column },
    ),
  );
}

function walkStrings(value: unknown, path: (string | number)[], visit: (text: string, path: (string | number)[]) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, [...path, i], visit));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkStrings(v, [...path, k], visit);
}

/**
 * What the raw scan cannot see, since the file holds only ASCII there: a YAML escape (`"\u202E"`,
 * `"\0"`, `"\x01"`) in any field, and a character reference (`&#x202E;`) in a 解读 body. Raw
 * characters were reported by `rawTextIssues` and blanked before parsing, so every forbidden
 * character left in the data came from an escape.
 */
export function validateText(entries: LoadedEntry[]): CheckIssue[] {
  const issues: CheckIssue[] = [];
  for (const entry of entries) {
    walkStrings(entry.data, [], (text, path) => {
      const found = [...text.matchAll(FORBIDDEN_CHARACTERS)].map((m) => m[0].codePointAt(0)!);
      if (found.length) issues.push(issueFor(entry.file, entry.lineOf(path) ?? 1, found, { field: path.join('.') }));
    });
    if (entry.body === undefined) continue;
    const bodyLine = entry.bodyLine ?? 1;
    const lines = entry.body.split('\n');
    lines.forEach((text, i) => {
      const found = [...text.matchAll(CHARACTER_REFERENCE)]
        .map((m) => parseInt(m[1] ?? m[2]!, m[1] ? 16 : 10))
        .filter((cp) => cp <= 0x10ffff && String.fromCodePoint(cp).replace(FORBIDDEN_CHARACTERS, '') === '');
      if (found.length) issues.push(issueFor(entry.file, bodyLine + i, found, { reference: true }));
    });
  }
  return issues;
}
