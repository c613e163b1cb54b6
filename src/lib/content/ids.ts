/** Points are numbered 1..N in a document; ids and URLs use two digits (`2021/01`, `/yaodian/2021/01/`). */
export function pointNo2(no: number): string {
  return String(no).padStart(2, '0');
}

export function pointId(year: number | string, no: number): string {
  return `${year}/${pointNo2(no)}`;
}

export const urls = {
  home: () => '/',
  document: (year: number | string) => `/yaodian/${year}/`,
  point: (year: number | string, no: number) => `/yaodian/${year}/${pointNo2(no)}/`,
  department: (slug: string) => `/bumen/${slug}/`,
};
