/**
 * Pairing of a policy (a point or a whole document) with its 文字解读 and 图解: keys and URLs.
 * Entry ids fix the URLs: `2021/18` → `/jiedu/2021/18/`, `2021/quanwen` → `/jiedu/2021/`.
 */
export type Interprets = { point: { id: string } } | { document: { id: string } };

/**
 * What the pages of an archive document (`archive: true`, published before the site existed) say
 * in place of missing 解读 and 图解 links: none was published here, and none is coming.
 */
export const NO_INTERPRETATIONS = '本文件在本站建立之前发布，本站没有发布它的文字解读和图解。';

/** File name of the entry that interprets a whole document. */
export const WHOLE_DOCUMENT = 'quanwen';

export function policyKey(interprets: Interprets): string {
  return 'point' in interprets ? `point:${interprets.point.id}` : `document:${interprets.document.id}`;
}

/** The entry id a 解读 or 图解 of this policy must have. */
export function expectedEntryId(key: string): string {
  const [kind, id] = key.split(':') as [string, string];
  return kind === 'point' ? id : `${id}/${WHOLE_DOCUMENT}`;
}

/** `2021/18` or `2021/quanwen` → the path segment after /jiedu/ or /tujie/. */
function pathOf(entryId: string): string {
  return entryId.endsWith(`/${WHOLE_DOCUMENT}`) ? entryId.slice(0, -WHOLE_DOCUMENT.length - 1) : entryId;
}

export const interpretationUrls = {
  jiedu: (entryId: string) => `/jiedu/${pathOf(entryId)}/`,
  tujie: (entryId: string) => `/tujie/${pathOf(entryId)}/`,
  /** File name of a generated 图解's PNG, drawn in the reader's browser: `2021-18.png`. */
  tujieImageName: (entryId: string) => `${pathOf(entryId).replace('/', '-')}.png`,
  /** The 原文 a policy key points at: `point:2021/18` → `/yaodian/2021/18/`, `document:2021` → `/yaodian/2021/`. */
  original: (key: string) => `/yaodian/${key.split(':')[1]}/`,
};
