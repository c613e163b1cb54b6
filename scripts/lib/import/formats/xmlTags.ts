/**
 * A minimal scanner over the tags of a WordprocessingML part, for edits that must leave every other
 * byte as it was (parsing and re-serialising the part could change whitespace mammoth reads).
 */

export interface XmlTag {
  /** Qualified name, e.g. `w:p`. */
  name: string;
  /** Offsets of `<` and just after `>`. */
  start: number;
  end: number;
  closing: boolean;
  selfClosing: boolean;
  /** The raw attribute text of an opening tag. */
  attributes: string;
}

/** A tag: quoted attribute values may hold `>`; declarations, comments and `<?…?>` do not match. */
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/gu;

/** The tags of `xml` in document order. */
export function* xmlTags(xml: string): Generator<XmlTag> {
  for (const m of xml.matchAll(TAG)) {
    yield {
      name: m[2]!,
      start: m.index,
      end: m.index + m[0].length,
      closing: m[1] === '/',
      selfClosing: m[4] === '/',
      attributes: m[3]!,
    };
  }
}

/** The value of attribute `name` (e.g. `w:val`) in a tag's attribute text, entities decoded. */
export function attributeOf(attributes: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const m = new RegExp(`(?:^|\\s)${escaped}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'u').exec(attributes);
  const raw = m?.[1] ?? m?.[2];
  return raw === undefined ? undefined : decodeEntities(raw);
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/giu, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e.toLowerCase()]!;
  });
}

/** Text escaped for an XML text node or attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

/** Replace `xml[start, end)` by `text`; edits must not overlap. */
export interface XmlEdit {
  start: number;
  end: number;
  text: string;
}

export function applyEdits(xml: string, edits: readonly XmlEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += xml.slice(at, e.start) + e.text;
    at = Math.max(at, e.end);
  }
  return out + xml.slice(at);
}
