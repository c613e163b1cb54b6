/**
 * A small XML writer: elements, attributes and text, everything escaped. Characters that XML 1.0
 * does not allow (control characters other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF) are
 * dropped rather than written, so the output always parses.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text or attribute value, escaped for XML (`&`, `<`, `>`, `"`, `'`). */
export function escapeXml(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;

export function el(name: string, attrs: Record<string, string> = {}, ...children: (XmlNode | null | undefined | false)[]): XmlElement {
  for (const n of [name, ...Object.keys(attrs)]) if (!NAME.test(n)) throw new Error(`not an XML name: ${n}`);
  return { name, attrs, children: children.filter((c): c is XmlNode => c !== null && c !== undefined && c !== false) };
}

function render(node: XmlNode, indent: string): string {
  if (typeof node === 'string') return indent + escapeXml(node);
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (node.children.length === 0) return `${indent}<${node.name}${attrs}/>`;
  if (node.children.every((c) => typeof c === 'string')) return `${indent}<${node.name}${attrs}>${node.children.map((c) => escapeXml(c as string)).join('')}</${node.name}>`;
  const inner = node.children.map((c) => render(c, indent + '  ')).join('\n');
  return `${indent}<${node.name}${attrs}>\n${inner}\n${indent}</${node.name}>`;
}

/** A whole document: the XML declaration, then the root element, indented two spaces a level. */
export function renderXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, '')}\n`;
}
