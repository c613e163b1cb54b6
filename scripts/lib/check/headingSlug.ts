/**
 * The ids Astro gives a 解读's headings, worked out as its Markdown processor does (github-slugger,
 * in @astrojs/markdown-satteri): the heading's text lowercased, every character that is not a
 * letter, mark, decimal or letter number, `_`, `-` or a space removed, spaces made hyphens; a
 * repeated slug gets `-1`, `-2`… github-slugger's tables are of an older Unicode: a letter
 * assigned since (none of them Chinese) is kept here where it drops it.
 */
export function headingSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Slugs of one page's headings in order, made unique as the page makes them. */
export function headingSlugger(): (text: string) => string {
  const occurrences = new Map<string, number>();
  return (text) => {
    const original = headingSlug(text);
    let result = original;
    while (occurrences.has(result)) {
      const n = occurrences.get(original)! + 1;
      occurrences.set(original, n);
      result = `${original}-${n}`;
    }
    occurrences.set(result, 0);
    return result;
  };
}
