/* The search page: a small script over Pagefind's JS API (the index in /pagefind/, built by
   `newsarchive build`). No request leaves the site. The form's fields mirror the address
   (?q=, source=, tag=, author=, year=, sort=), so a search can be linked. */
const form = document.getElementById("search");
const input = document.getElementById("search-q");
const filtersBox = document.getElementById("search-filters");
const statusLine = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const selects = Array.from(form.querySelectorAll("select[data-filter]"));
const sortSelect = document.getElementById("search-sort");

const PAGE_SIZE = 10;
const TAG_TYPES = [  /* filter key -> group label, in the order the tag pages use */
  ["tag_place", "Places"], ["tag_organization", "Organizations"], ["tag_person", "People"],
  ["tag_topic", "Topics"], ["tag_other", "Other tags"],
];
const UNDATED = "Undated";

let pagefind = null;
let found = [];      /* Pagefind results of the current search, not yet loaded */
let shown = 0;
let generation = 0;  /* ignores a slower earlier search that finishes after a later one */

function say(text) { statusLine.textContent = text; }

function plural(n, one, many) { return `${n} ${n === 1 ? one : many}`; }

function option(value, label) {
  const el = document.createElement("option");
  el.value = value;
  el.textContent = label;
  return el;
}

function byName(a, b) { return a.localeCompare(b, undefined, { sensitivity: "base" }); }

function fillSelects(available) {
  for (const select of selects) {
    const key = select.dataset.filter;
    if (key === "tag") {
      for (const [type, label] of TAG_TYPES) {
        const values = available[type];
        if (!values || !Object.keys(values).length) continue;
        const group = document.createElement("optgroup");
        group.label = label;
        for (const name of Object.keys(values).sort(byName)) {
          group.append(option(`${type}:${name}`, `${name} (${values[name]})`));
        }
        select.append(group);
      }
      continue;
    }
    const values = available[key] || {};
    let names = Object.keys(values).sort(byName);
    if (key === "year") {  /* newest first, "Undated" last */
      names = names.filter((n) => n !== UNDATED).sort().reverse().concat(values[UNDATED] ? [UNDATED] : []);
    }
    for (const name of names) select.append(option(name, `${name} (${values[name]})`));
  }
}

function chosenFilters() {
  const filters = {};
  for (const select of selects) {
    if (!select.value) continue;
    if (select.dataset.filter === "tag") {
      const at = select.value.indexOf(":");
      filters[select.value.slice(0, at)] = select.value.slice(at + 1);
    } else {
      filters[select.dataset.filter] = select.value;
    }
  }
  return filters;
}

function chosenSort() {
  if (!sortSelect.value) return undefined;
  const [key, direction] = sortSelect.value.split(":");
  return { [key]: direction };
}

/* Pagefind's excerpt is HTML with <mark> around the matches: keep the text and the marks only. */
function excerptNodes(html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  const nodes = [];
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  }
  return nodes;
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  const title = document.createElement("h2");
  title.className = "search-result__title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  title.append(link);
  const meta = document.createElement("p");
  meta.className = "meta";
  if (data.meta.datetime) {
    const time = document.createElement("time");
    time.dateTime = data.meta.datetime;
    time.textContent = data.meta.date;
    meta.append(time);
  } else {
    const unknown = document.createElement("span");
    unknown.className = "date-unknown";
    unknown.textContent = data.meta.date || "date unknown";
    meta.append(unknown);
  }
  if (data.meta.source) {
    const sep = document.createElement("span");
    sep.className = "meta__sep";
    sep.setAttribute("aria-hidden", "true");
    sep.textContent = "·";
    const source = document.createElement("span");
    source.className = "search-result__source";
    source.textContent = data.meta.source;
    meta.append(" ", sep, " ", source);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "search-result__excerpt";
  excerpt.append(...excerptNodes(data.excerpt || ""));
  item.append(title, meta, excerpt);
  return item;
}

async function showMore(focusFirst) {
  const batch = found.slice(shown, shown + PAGE_SIZE);
  const mine = generation;
  const data = await Promise.all(batch.map((r) => r.data()));
  if (mine !== generation) return;
  const items = data.map(resultItem);
  list.append(...items);
  shown += batch.length;
  more.hidden = shown >= found.length;
  if (focusFirst && items.length) items[0].querySelector("a").focus();
}

function describe(count, query, filters) {
  const narrowed = Object.keys(filters).length ? " with the chosen filters" : "";
  if (!count) {
    const what = query ? `for “${query}”` : "";
    return `No results ${what}${narrowed}. Check the spelling, try other words, or remove a filter.`.replace("  ", " ");
  }
  return query ? `${plural(count, "result", "results")} for “${query}”${narrowed}.`
               : `${plural(count, "article", "articles")}${narrowed}.`;
}

function syncAddress(query) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const select of [...selects, sortSelect]) if (select.value) params.set(select.name, select.value);
  const address = params.toString() ? `?${params}` : location.pathname;
  history.replaceState(null, "", address);
}

async function run() {
  if (!pagefind) return;
  const query = input.value.trim();
  const filters = chosenFilters();
  const mine = ++generation;
  syncAddress(query);
  list.replaceChildren();
  more.hidden = true;
  found = [];
  shown = 0;
  if (!query && !Object.keys(filters).length) {
    say("Type a word to search, or choose a filter.");
    return;
  }
  say("Searching…");
  const search = await pagefind.search(query || null, { filters, sort: chosenSort() });
  if (mine !== generation) return;
  found = search ? search.results : [];
  say(describe(found.length, query, filters));
  await showMore(false);
}

function restoreFromAddress() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const select of [...selects, sortSelect]) {
    const wanted = params.get(select.name);
    if (wanted && Array.from(select.options).some((o) => o.value === wanted)) select.value = wanted;
  }
}

async function start() {
  input.value = new URLSearchParams(location.search).get("q") || "";
  try {
    pagefind = await import(new URL("pagefind.js", new URL(form.dataset.bundle, location.href)).href);
    const baseUrl = new URL(form.dataset.site, location.href).pathname;
    await pagefind.options({ baseUrl, excerptLength: 24 });
    // a large site's index comes in parts (newsarchive/search_shards.py): merge the others into the first
    const bundle = new URL(form.dataset.bundle, location.href);
    const parts = await fetch(new URL("parts.json", bundle)).then((r) => (r.ok ? r.json() : { merge: [] }), () => ({ merge: [] }));
    for (const part of parts.merge || []) await pagefind.mergeIndex(new URL(part, bundle).pathname, { baseUrl });
    await pagefind.init();
    fillSelects(await pagefind.filters());
  } catch (error) {
    pagefind = null;
    say("Search is unavailable.");
    statusLine.after(document.getElementById("search-unavailable").content.cloneNode(true));
    return;
  }
  restoreFromAddress();
  filtersBox.hidden = false;
  let timer = 0;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 250); });
  form.addEventListener("submit", (event) => { event.preventDefault(); clearTimeout(timer); run(); });
  for (const select of [...selects, sortSelect]) select.addEventListener("change", run);
  more.addEventListener("click", () => showMore(true));
  await run();
}

start();
