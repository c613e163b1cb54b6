/**
 * The search page: Pagefind's JS API under our own accessible UI. Runs the query in `?q=` on load,
 * keeps the query and filters in the URL (shareable), shows exact matches first and loose ones
 * behind a button, and announces counts in a polite live region.
 */
import { parseQuery, type ParsedQuery } from '../lib/search/parseQuery.ts';
import { rankResults, type LoadedResult } from '../lib/search/rankResults.ts';
import { readableText, searchPlan } from '../lib/search/segment.ts';
import { excerpt } from '../lib/search/excerpt.ts';
import { loadFallbackFont } from './fallbackFont.ts';

interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
interface Pagefind {
  mergeIndex(path: string): Promise<void>;
  search(q: string, o?: { filters?: Record<string, string[]> }): Promise<{ results: PagefindResult[] }>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
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
const nextButton = document.querySelector<HTMLButtonElement>('#search-next')!;
const looseList = document.querySelector<HTMLOListElement>('#search-loose')!;
const filterForm = document.querySelector<HTMLFormElement>('#search-filters')!;

let pagefind: Promise<Pagefind> | undefined;
/**
 * Pagefind with all of the site's indexes merged: `/pagefind/` is the primary one (the newest
 * pages); a large archive's further indexes are listed in `/pagefind/shards.json` (written by
 * `scripts/lib/build/searchIndex.ts`). The list is fetched while the script loads, so it costs no
 * extra round trip.
 */
function load(): Promise<Pagefind> {
  pagefind ??= Promise.all([
    import(/* @vite-ignore */ `${'/pagefind/'}pagefind.js`) as Promise<Pagefind>,
    fetch('/pagefind/shards.json').then((r) => (r.ok ? (r.json() as Promise<{ merge: string[] }>) : { merge: [] })),
  ]).then(async ([pf, shards]) => {
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

/**
 * Pagefind's results for the query, those that may contain it first. The index has a word per
 * CJK character (`src/lib/search/segment.ts`): the ordinary search finds the pages that have every
 * word of the query, and its phrase searches the pages where each run of words is consecutive,
 * which are the candidates `rankResults` then checks against the page's text. The rest (all the
 * words, not together) are loose matches. The phrase searches read the same index chunks.
 */
async function find(pf: Pagefind, query: ParsedQuery): Promise<{ candidates: PagefindResult[]; others: PagefindResult[] }> {
  const plan = searchPlan(query.text);
  const filters = selectedFilters();
  const [all, ...phrases] = await Promise.all([plan.terms, ...plan.phrases.map((p) => `"${p}"`)].map((q) => pf.search(q, { filters })));
  const inPhrases = phrases.map((s) => new Set(s.results.map((r) => r.id)));
  const isCandidate = (r: PagefindResult) => inPhrases.every((ids) => ids.has(r.id));
  return { candidates: all!.results.filter(isCandidate), others: all!.results.filter((r) => !isCandidate(r)) };
}

function renderResult(r: Result, query: ParsedQuery): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'result';
  const heading = document.createElement('h3');
  const link = document.createElement('a');
  link.href = r.url;
  link.textContent = r.meta.title ?? r.url; // made readable in run()
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'result__meta';
  meta.textContent = [r.meta.type, r.meta.section, r.meta.date].filter(Boolean).join(' · ');
  const passage = document.createElement('p');
  passage.className = 'result__excerpt';
  for (const part of excerpt(r.content, query.needles, r.meta.title ?? '')) {
    passage.append(part.mark ? Object.assign(document.createElement('mark'), { textContent: part.text }) : part.text);
  }
  li.append(heading, meta, passage);
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

/** The latest search; an earlier one still loading when another starts shows nothing. */
let generation = 0;
/** The latest search's exact matches shown, and the candidates not yet checked (`nextButton`). */
let shownExact: Result[] = [];
let unchecked: PagefindResult[] = [];
let shownRaw = '';

async function loadResults(results: PagefindResult[]): Promise<Result[]> {
  return Promise.all(
    results.map(async (r) => {
      const data = await r.data();
      const title = data.meta.title && readableText(data.meta.title);
      return { ...data, content: readableText(data.content), meta: { ...data.meta, title }, score: r.score };
    }),
  );
}

/** Offers the next candidates while some are left (a common query can be on every page). */
function offerNext(raw: string): void {
  nextButton.hidden = !unchecked.length;
  nextButton.textContent = `显示更多结果（还有 ${unchecked.length} 个页面可能包含“${raw.trim()}”）`;
}

/** Checks the next `LOAD_LIMIT` candidates and adds those that contain the query. */
async function showNext(): Promise<void> {
  const current = generation;
  const raw = shownRaw;
  const query = parseQuery(raw);
  const batch = unchecked.slice(0, LOAD_LIMIT);
  nextButton.disabled = true;
  const { exact } = rankResults(await loadResults(batch), query);
  nextButton.disabled = false;
  if (current !== generation) return;
  unchecked = unchecked.slice(batch.length);
  shownExact = [...shownExact, ...exact];
  updateCounts(shownExact);
  const items = exact.map((r) => renderResult(r, query));
  exactList.append(...items);
  items[0]?.querySelector('a')?.focus();
  status.textContent = `找到 ${shownExact.length} 个包含“${raw.trim()}”的结果${unchecked.length ? '，还有页面可以继续查看' : ''}。`;
  offerNext(raw);
}

async function run(raw: string): Promise<void> {
  const current = ++generation;
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
  nextButton.hidden = true;
  shownExact = [];
  unchecked = [];
  shownRaw = raw;
  if (!query.text) {
    status.textContent = '请输入要搜索的词语。';
    return;
  }
  status.textContent = '正在搜索…';
  let loaded: Result[];
  let rest: PagefindResult[];
  try {
    const { candidates, others } = await find(await load(), query);
    rest = candidates.slice(LOAD_LIMIT);
    loaded = await loadResults([...candidates, ...(query.exactOnly ? [] : others)].slice(0, LOAD_LIMIT));
  } catch (error) {
    if (current !== generation) return;
    pagefind = undefined; // the next search tries again
    console.error(error);
    status.textContent = '搜索索引未能加载，请稍后再试，或从“工作要点”栏目浏览。';
    return;
  }
  if (current !== generation) return;
  const { exact, loose } = rankResults(loaded, query);
  shownExact = exact;
  unchecked = rest;
  offerNext(raw);
  const shown = exact.length ? exact : loose;
  updateCounts(shown);
  for (const r of shown) exactList.append(renderResult(r, query));
  if (exact.length && loose.length) {
    for (const r of loose) looseList.append(renderResult(r, query));
    moreButton.textContent = `显示 ${loose.length} 个不完全匹配的相关结果`;
    moreButton.hidden = false;
  }
  const phrase = `“${raw.trim()}”`;
  status.textContent = exact.length
    ? `找到 ${exact.length} 个包含${phrase}的结果${loose.length ? `，另有 ${loose.length} 个相关结果` : ''}${rest.length ? '，还有页面可以继续查看' : ''}。`
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
nextButton.addEventListener('click', () => void showNext());
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
