/**
 * The search page: Pagefind's JS API under our own accessible UI. Runs the query in `?q=` on load,
 * keeps the query and filters in the URL (shareable), shows exact matches first and loose ones
 * behind a button, and announces counts in a polite live region.
 */
import { parseQuery } from '../lib/search/parseQuery.ts';
import { rankResults, type LoadedResult } from '../lib/search/rankResults.ts';
import { loadFallbackFont } from './fallbackFont.ts';

interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(o: object): Promise<void>;
  mergeIndex(path: string): Promise<void>;
  search(q: string, o?: { filters?: Record<string, string[]> }): Promise<{ results: { score: number; data(): Promise<PagefindData> }[] }>;
}
type Result = LoadedResult & PagefindData;

/** Results whose text is loaded and checked for an exact match; the rest are counted only. */
const LOAD_LIMIT = 40;
const FILTERS = ['type', 'year', 'section', 'department'] as const;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('#search-q')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const exactList = document.querySelector<HTMLOListElement>('#search-results')!;
const moreButton = document.querySelector<HTMLButtonElement>('#search-more')!;
const looseList = document.querySelector<HTMLOListElement>('#search-loose')!;
const filterForm = document.querySelector<HTMLFormElement>('#search-filters')!;

let pagefind: Promise<Pagefind> | undefined;
/**
 * Pagefind with all of the site's indexes merged: `/pagefind/` is the primary one (the newest
 * pages); a large archive's further indexes are listed in `/pagefind/shards.json` (written by
 * `src/lib/build/searchIndex.ts`). The list is fetched while the script loads, so it costs no
 * extra round trip.
 */
function load(): Promise<Pagefind> {
  pagefind ??= Promise.all([
    import(/* @vite-ignore */ `${'/pagefind/'}pagefind.js`) as Promise<Pagefind>,
    fetch('/pagefind/shards.json').then((r) => (r.ok ? (r.json() as Promise<{ merge: string[] }>) : { merge: [] })),
  ]).then(async ([pf, shards]) => {
    await pf.options({ excerptLength: 40 });
    await Promise.all(shards.merge.map((path) => pf.mergeIndex(path)));
    return pf;
  });
  return pagefind;
}

function select(name: string): HTMLSelectElement {
  return filterForm.elements.namedItem(name) as HTMLSelectElement;
}

function selectedFilters(): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const name of FILTERS) if (select(name).value) filters[name] = [select(name).value];
  return filters;
}

function renderResult(r: Result): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'result';
  const heading = document.createElement('h3');
  const link = document.createElement('a');
  link.href = r.url;
  link.textContent = r.meta.title ?? r.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'result__meta';
  meta.textContent = [r.meta.type, r.meta.section, r.meta.date].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'result__excerpt';
  excerpt.innerHTML = r.excerpt; // Pagefind escapes the page text and adds only <mark>
  li.append(heading, meta, excerpt);
  return li;
}

function updateCounts(results: Result[]): void {
  for (const name of FILTERS) {
    const counts = new Map<string, number>();
    for (const r of results) for (const v of r.filters[name] ?? []) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const option of select(name).options) {
      if (!option.value) continue;
      option.textContent = `${option.dataset.label}（${counts.get(option.value) ?? 0}）`;
    }
  }
}

async function run(raw: string): Promise<void> {
  const query = parseQuery(raw);
  const params = new URLSearchParams();
  if (raw.trim()) params.set('q', raw.trim());
  for (const [name, values] of Object.entries(selectedFilters())) params.set(name, values[0]!);
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  exactList.replaceChildren();
  looseList.replaceChildren();
  looseList.hidden = true;
  moreButton.hidden = true;
  moreButton.setAttribute('aria-expanded', 'false');
  if (!query.text) {
    status.textContent = '请输入要搜索的词语。';
    return;
  }
  status.textContent = '正在搜索…';
  let loaded: Result[];
  try {
    const pf = await load();
    const search = await pf.search(query.text, { filters: selectedFilters() });
    loaded = await Promise.all(search.results.slice(0, LOAD_LIMIT).map(async (r) => ({ ...(await r.data()), score: r.score })));
  } catch (error) {
    pagefind = undefined; // the next search tries again
    console.error(error);
    status.textContent = '搜索索引未能加载，请稍后再试，或从“工作要点”栏目浏览。';
    return;
  }
  const { exact, loose } = rankResults(loaded, query);
  const shown = exact.length ? exact : loose;
  updateCounts(shown);
  for (const r of shown) exactList.append(renderResult(r));
  if (exact.length && loose.length) {
    for (const r of loose) looseList.append(renderResult(r));
    moreButton.textContent = `显示 ${loose.length} 个不完全匹配的相关结果`;
    moreButton.hidden = false;
  }
  const phrase = `“${raw.trim()}”`;
  status.textContent = exact.length
    ? `找到 ${exact.length} 个包含${phrase}的结果${loose.length ? `，另有 ${loose.length} 个相关结果` : ''}。`
    : loose.length
      ? `没有完全包含${phrase}的页面，以下是 ${loose.length} 个相关结果。`
      : `没有找到与${phrase}相关的内容。`;
}

moreButton.addEventListener('click', () => {
  const open = looseList.hidden;
  looseList.hidden = !open;
  moreButton.setAttribute('aria-expanded', String(open));
  if (open) looseList.querySelector('a')?.focus();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void run(input.value);
});
filterForm.addEventListener('change', () => void run(input.value));
filterForm.addEventListener('submit', (event) => event.preventDefault());

const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
for (const name of FILTERS) {
  const value = params.get(name);
  if (value && [...select(name).options].some((o) => o.value === value)) select(name).value = value;
}
filterForm.hidden = false;
if (input.value) {
  loadFallbackFont(); // the query is echoed on the page and may use characters no page has
  void run(input.value);
}
