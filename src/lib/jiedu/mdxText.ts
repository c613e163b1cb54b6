/**
 * The prose of an MDX 解读, as a reader sees it, with what is not the writer's own words removed:
 * front matter, `<Quote>` passages (cited 原文), component tags, Markdown syntax.
 */
export function splitFrontMatter(source: string): { frontMatter: string; body: string; bodyLine: number } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!m) return { frontMatter: '', body: source, bodyLine: 1 };
  return { frontMatter: m[1]!, body: source.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

export function quotes(body: string): string[] {
  return [...body.matchAll(/<Quote\b[^>]*>([\s\S]*?)<\/Quote>/g)].map((m) => m[1]!.trim());
}

export function ownProse(body: string): string {
  return body
    .replace(/<Quote\b[^>]*>[\s\S]*?<\/Quote>/g, ' ')
    .replace(/<[A-Z][\w.]*\b[^>]*\/>/g, ' ')
    .replace(/<\/?[A-Za-z][\w.]*\b[^>]*>/g, ' ')
    .replace(/^#{1,6}\s+.*$/gm, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>~|-]/g, ' ');
}

/** Number of characters of own prose, counting Han characters, letters and digits. */
export function proseLength(body: string): number {
  return [...ownProse(body).replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '')].length;
}
