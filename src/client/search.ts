/**
 * The search page: Pagefind's JS API under our own accessible UI. Runs the query in `?q=` on load,
 * keeps the query and filters in the URL (shareable), shows exact matches first and loose ones
 * behind a button, and announces counts in a polite live region. On a large archive the newest
 * index's results show first, the results region `aria-busy` until every index has answered.
 */
import { parseQuery, type ParsedQuery } from '../lib/search/parseQuery.ts';
import { rankResults, type LoadedResult } from '../lib/search/rankResults.ts';
import { readableText, searchPlan } from '../lib/search/segment.ts';
import { excerpt } from '../lib/search/excerpt.ts';
import { combineFound, firstBatch, type Found } from '../lib/search/combine.ts';
import { statusText } from '../lib/search/statusText.ts';
import { SEARCH_STEP_TIMEOUT_MS } from '../lib/search/pagefindLoad.ts';
import { IndexWorker } from './indexWorker.ts';
import type { Hit, PageData } from './searchWorkerProtocol.ts';
import { loadFallbackFont } from './fallbackFont.ts';

/** A page found, and the worker holding the index it was found in (which loads its text). */
interface IndexedHit extends Hit {
  index: IndexWorker;
}
type Result = LoadedResult & PageData;

/** Results whose text is loaded and checked for an exact match; the rest are counted only. */
const LOAD_LIMIT = 40;
/**
 * Results checked before the older indexes answer: a phone's first screen, and an eighth of the
 * fragments to fetch (each costs the worker a message, a decompression and an excerpt), so the
 * newest pages show sooner. The list is then replaced by the first `LOAD_LIMIT` of all indexes.
 */
const NEWEST_FIRST_LIMIT = 5;
const FILTERS = ['type', 'year', 'section', 'department'] as const;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('#search-q')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const exactList = document.querySelector<HTMLOListElement>('#search-results')!;
const moreButton = document.querySelector<HTMLButtonElement>('#search-more')!;
const nextButton = document.querySelector<HTMLButtonElement>('#search-next')!;
const looseList = document.querySelector<HTMLOListElement>('#search-loose')!;
const filterForm = document.querySelector<HTMLFormElement>('#search-filters')!;
const resultsRegion = document.querySelector<HTMLElement>('#search-region')!;

/**
 * The site's search indexes, newest first. `/pagefind/` is the primary index (the newest pages);
 * a large archive's older pages are in further indexes listed in `/pagefind/shards.json` (written
 * by `scripts/lib/build/searchIndex.ts`): the first of them carries Pagefind's script too and the
 * others are merged into it. The two run in search workers of their own (`searchWorker.ts`), so
 * searching the older ones never delays the newest one's results, which are shown first.
 */
let newestIndex: Promise<IndexWorker> | undefined;
let olderIndexes: Promise<IndexWorker | undefined> | undefined;

/**
 * Loading Pagefind and merging is at most four steps in the worker, each bounded there
 * (`src/lib/search/pagefindLoad.ts`): a failed download never leaves the page waiting.
 */
const LOAD_TIMEOUT_MS = 4 * SEARCH_STEP_TIMEOUT_MS;

/** A worker with Pagefind's module at `base` loaded and `merge` merged into it; stopped if that fails. */
async function loadIndex(base: string, merge: string[]): Promise<IndexWorker> {
  const index = new IndexWorker();
  try {
    await index.call({ method: 'load', base, merge, lang: document.documentElement.lang }, `loading ${base}`, LOAD_TIMEOUT_MS);
    return index;
  } catch (error) {
    index.terminate();
    throw error;
  }
}

/** Stops a worker that failed, or that answered with a failure: the next search starts afresh. */
function drop(index: Promise<IndexWorker | undefined> | undefined): void {
  index?.then((i) => i?.terminate()).catch(() => {}); // a failed load has stopped its worker
}

function loadNewest(): Promise<IndexWorker> {
  newestIndex ??= loadIndex('/pagefind/', []);
  return newestIndex;
}

let olderList: Promise<string[]> | undefined;

/** The older indexes' base URLs; fetched while the newest index loads, so it adds no round trip. */
function olderPaths(): Promise<string[]> {
  olderList ??= fetch('/pagefind/shards.json').then(async (r) => (r.ok ? ((await r.json()) as { older: string[] }).older : []));
  return olderList;
}

function loadOlder(): Promise<IndexWorker | undefined> {
  olderIndexes ??= olderPaths().then(([first, ...rest]) => (first ? loadIndex(first, rest) : undefined));
  return olderIndexes;
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
 * The pages of `index` that may contain the query (`findPages`, run in the worker), tagged with
 * the worker that can load their text.
 */
async function find(index: IndexWorker, query: ParsedQuery, candidatesOnly = false): Promise<Found<IndexedHit>> {
  const { terms, phrases } = searchPlan(query.text);
  const request = { method: 'find', generation, terms, phrases, filters: selectedFilters(), candidatesOnly } as const;
  const found = await index.call<Found<Hit>>(request, `searching ${query.text}`, SEARCH_STEP_TIMEOUT_MS);
  const tag = (hits: Hit[]) => hits.map((hit) => ({ ...hit, index }));
  return { candidates: tag(found.candidates), others: tag(found.others) };
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
/** The latest search's results shown (`showLists`), and the candidates not yet checked (`nextButton`). */
let shownExact: Result[] = [];
let shownLoose: Result[] = [];
let unchecked: IndexedHit[] = [];
let shownRaw = '';

/**
 * Each page's text, by Pagefind's page id, loaded once: the newest index's first results are
 * shown again among every index's.
 */
const loadedData = new Map<string, Promise<PageData>>();

function loadResults(results: IndexedHit[]): Promise<Result[]> {
  return Promise.all(
    results.map(async (r) => {
      let loaded = loadedData.get(r.id);
      if (!loaded) {
        const request = { method: 'data', id: r.id } as const;
        loaded = r.index.call<PageData>(request, 'loading a result', SEARCH_STEP_TIMEOUT_MS).then((data) => {
          const title = data.meta.title && readableText(data.meta.title);
          return { ...data, content: readableText(data.content), meta: { ...data.meta, title } };
        });
        loadedData.set(r.id, loaded);
        loaded.catch(() => loadedData.delete(r.id)); // the next search asks again
      }
      return { ...(await loaded), score: r.score };
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
  let loaded: Result[];
  try {
    loaded = await loadResults(batch);
  } catch (error) {
    if (current !== generation) return; // a new search has started: its worker forgot these
    console.error(error);
    status.textContent = '更多结果未能加载，请再试一次。';
    return;
  } finally {
    nextButton.disabled = false;
  }
  if (current !== generation) return;
  const { exact } = rankResults(loaded, query);
  unchecked = unchecked.slice(batch.length);
  if (exact.length && shownExact.length) {
    shownExact = [...shownExact, ...exact];
    updateCounts(shownExact);
    const items = exact.map((r) => renderResult(r, query));
    exactList.append(...items);
    items[0]?.querySelector('a')?.focus();
  } else if (exact.length) {
    showLists(exact, shownLoose, query); // the list held related results: they go behind moreButton
    exactList.querySelector('a')?.focus();
  }
  status.textContent = statusText(raw, { exact: shownExact.length, loose: shownLoose.length, unchecked: unchecked.length, pending: false });
  offerNext(raw);
}

/** Replaces a list's results, keeping the focus on a result link that is still listed. */
function replaceResults(list: HTMLOListElement, items: HTMLLIElement[]): void {
  const focused = list.contains(document.activeElement) ? (document.activeElement as HTMLAnchorElement).href : undefined;
  list.replaceChildren(...items);
  if (focused) [...list.querySelectorAll('a')].find((a) => a.href === focused)?.focus();
}

/**
 * Lists the exact results, and the loose ones behind `moreButton`; with no exact result, the
 * loose ones are the list.
 */
function showLists(exact: Result[], loose: Result[], query: ParsedQuery): void {
  shownExact = exact;
  shownLoose = loose;
  const shown = exact.length ? exact : loose;
  updateCounts(shown);
  replaceResults(
    exactList,
    shown.map((r) => renderResult(r, query)),
  );
  const hasLoose = exact.length > 0 && loose.length > 0;
  replaceResults(looseList, hasLoose ? loose.map((r) => renderResult(r, query)) : []);
  moreButton.hidden = !hasLoose;
  if (!hasLoose) {
    looseList.hidden = true;
    moreButton.setAttribute('aria-expanded', 'false');
  }
  moreButton.textContent = `显示 ${loose.length} 个不完全匹配的相关结果`;
}

/**
 * Shows what was found so far: the first pages checked against their text (`NEWEST_FIRST_LIMIT`
 * while `pending`, the older indexes still being searched; else `LOAD_LIMIT`), exact matches first.
 */
async function show(found: Found<IndexedHit>, raw: string, current: number, pending: boolean): Promise<void> {
  const query = parseQuery(raw);
  const { load, rest } = firstBatch(found, pending ? NEWEST_FIRST_LIMIT : LOAD_LIMIT, query.exactOnly);
  const { exact, loose } = rankResults(await loadResults(load), query);
  if (current !== generation) return;
  unchecked = pending ? [] : rest; // offered once every index has answered
  offerNext(raw);
  showLists(exact, loose, query);
  status.textContent = statusText(raw, { exact: exact.length, loose: loose.length, unchecked: unchecked.length, pending });
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
  shownLoose = [];
  unchecked = [];
  shownRaw = raw;
  if (!query.text) {
    status.textContent = '请输入要搜索的词语。';
    return;
  }
  status.textContent = '正在搜索…';
  resultsRegion.setAttribute('aria-busy', 'true');
  try {
    await runPhases(raw, query, current);
  } finally {
    if (current === generation) resultsRegion.setAttribute('aria-busy', 'false');
  }
}

/**
 * The newest index's candidates shown first (`find`'s `candidatesOnly`), then every index's
 * results; a site with one index is searched once. The older indexes load after the first
 * results show, so they take no time or bandwidth from them.
 */
async function runPhases(raw: string, query: ParsedQuery, current: number): Promise<void> {
  let index: IndexWorker;
  let newest: Found<IndexedHit>;
  let pending: boolean;
  try {
    const paths = olderPaths().catch(() => []);
    index = await loadNewest();
    pending = (await paths).length > 0;
    newest = await find(index, query, pending);
    if (current !== generation) return;
    await show(newest, raw, current, pending);
  } catch (error) {
    if (current !== generation) return;
    drop(newestIndex);
    newestIndex = olderList = undefined; // the next search tries again
    console.error(error);
    status.textContent = '搜索索引未能加载，请稍后再试，或从“工作要点”栏目浏览。';
    return;
  }
  if (!pending) return;
  const newestAll = find(index, query).catch(() => newest);
  try {
    const older = await loadOlder();
    if (current !== generation || !older) return;
    const [fromNewest, fromOlder] = await Promise.all([newestAll, find(older, query)]);
    await show(combineFound(fromNewest, fromOlder), raw, current, false);
  } catch (error) {
    if (current !== generation) return;
    drop(olderIndexes);
    olderIndexes = undefined; // the next search tries again
    console.error(error);
    await show(await newestAll, raw, current, false);
    if (current === generation) status.textContent += '更早的页面暂时无法搜索，请稍后再试。';
  }
}

moreButton.addEventListener('click', () => {
  const open = looseList.hidden;
  looseList.hidden = !open;
  moreButton.setAttribute('aria-expanded', String(open));
  if (open) looseList.querySelector('a')?.focus();
});
nextButton.addEventListener('click', () => void showNext());
// A reader who puts the cursor in the box is about to search: the newest index loads while they type.
input.addEventListener('focus', () => void loadNewest().catch(() => (newestIndex = undefined)), { once: true });
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
