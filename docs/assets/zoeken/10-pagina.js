// A part of zoeken.js: the parts in docs/assets/zoeken/ are joined in name order into that one file when the site is
// built (one scope for all). This part: the page's elements and state, the address, the filters and their counts. It
// opens the function that 50-zoeken.js closes.
// Search with Pagefind's JavaScript API: our own small UI, in Dutch, with filters.
// Runs only on the search page (#ll-zoeken). Nothing is sent anywhere: the index is part of the site.
// Query understanding (the vocabulary files come from leerlandschap/searchwords.py, next to the index):
// little words are dropped, words the site does not know are split as a compound or corrected ("Bedoel je …?"),
// other words from the Begrippen page (Ook wel: …) are searched too unless the word is common; pages with every
// word come first, then pages with some of the words, and the page says so.
// A first search loads as little as it can: the site's words only for the first letters typed (the whole list
// only when a word is not on the site), the filters only when the filter block is opened, the text of the
// results on the screen only.
(function () {
  "use strict";
  const root = document.getElementById("ll-zoeken");
  if (!root) return;
  const form = root.querySelector("form");
  const input = root.querySelector("#ll-zoekveld");
  const filterBlock = root.querySelector("#ll-filterblok"); // <details>: open on wide screens, folded on phones
  const filterSummary = filterBlock.querySelector("summary");
  const filterBox = root.querySelector("#ll-filters");
  const status = root.querySelector("#ll-zoekstatus");
  const list = root.querySelector("#ll-resultaten");
  const siteRoot = new URL("../", location.href); // this page is /zoeken/, one level below the site root
  const FILTERS = [["soort", "Soort"], ["thema", "Thema"], ["rol", "Rol"], ["regio", "Regio"]];
  const PAGE_SIZE = 5; // results load their text (1 to 6 KB) one by one: five at a time keeps a first search small
  const params = new URLSearchParams(location.search);
  const selected = Object.fromEntries(FILTERS.map(([key]) => [key, new Set(params.getAll(key))]));
  // What someone typed before this script ran (a slow phone) is kept; the address only fills an empty field.
  if (params.has("q") && !input.value.trim()) input.value = params.get("q");
  let pagefind = null;
  let latest = 0; // the number of the newest search: an older one stops at its next step and never renders
  let running = false; // one search at a time: Pagefind runs on this thread, so two would only slow each other down
  let pending = false; // the input changed while a search ran: search again (the newest text only) when it is done
  let wholeAsked = false; // Enter was pressed since the last search started
  let finished = null; // the query of the last Enter: its last word is not being typed any more
  let pause = null; // a word that waits for its next letter is searched when the typing pauses this long
  const PAUSE_MS = 500;
  let current = null; // the last search: {results, shown, query}
  let totals = {}; // the count of every filter value over the whole site
  // The site's words (pagefind/leerlandschap-woorden/): {stop, synonyms, pages, letters, letterLoaded, set, accented
  // (plain form -> the site word with accents), byLetter, loading, ranked}. `set`, `stop` and `synonyms` hold what starts with the first letters loaded so far; `ranked`
  // (every word, most pages first) is there once the whole list (leerlandschap-woorden.json) is loaded for a word
  // the site does not have.
  let vocab = null;
  let filtersLoaded = null; // a promise once the filter block was opened (or the address has filters)
  const help = document.createElement("div"); // a div: a long line of other words folds in a <details>
  help.id = "ll-zoekhulp";
  help.className = "ll-zoekhulp";
  status.after(help);
  const labels = Object.fromEntries(FILTERS.map(([key]) => [key, new Map()])); // value -> its <label>
  const more = document.createElement("button");
  more.type = "button";
  more.className = "ll-knop ll-knop--zacht";
  more.textContent = "Toon meer resultaten";
  more.hidden = true;
  list.after(more);

  function say(text) { status.textContent = text; }

  // The address follows the query and the filters, so a reader can go back to or share a search. While the reader
  // types it follows once the typing pauses (and before the page is left): each change of the address makes the
  // browser ask for the page's icon again, a request on every keystroke otherwise.
  let addressLater = null;
  function rememberInUrl(query, now) {
    clearTimeout(addressLater);
    addressLater = now ? null : setTimeout(() => rememberInUrl(query, true), PAUSE_MS);
    if (!now) return;
    const next = new URLSearchParams();
    if (query) next.set("q", query);
    for (const [key] of FILTERS) for (const value of selected[key]) next.append(key, value);
    const search = next.toString();
    if (location.search !== (search ? "?" + search : "")) history.replaceState(null, "", search ? "?" + search : location.pathname);
  }
  addEventListener("pagehide", () => { if (addressLater) rememberInUrl(input.value.trim(), true); });

  function filterFieldset(key, label, values) {
    const fieldset = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = label;
    fieldset.append(legend);
    for (const value of Object.keys(values).sort((a, b) => a.localeCompare(b, "nl"))) {
      const id = "ll-filter-" + key + "-" + value.toLowerCase().replace(/[^a-z0-9]+/g, "-");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.id = id;
      box.checked = selected[key].has(value);
      box.addEventListener("change", () => {
        box.checked ? selected[key].add(value) : selected[key].delete(value);
        search();
      });
      const text = document.createElement("label");
      text.htmlFor = id;
      text.textContent = value + " (" + values[value] + ")";
      labels[key].set(value, text);
      const item = document.createElement("div");
      item.className = "ll-filter";
      item.append(box, text);
      fieldset.append(item);
    }
    return fieldset;
  }

  // Each label shows how many results that value gives for the current query.
  function showCounts(counts) {
    for (const [key] of FILTERS) {
      for (const [value, label] of labels[key]) label.textContent = value + " (" + ((counts[key] || {})[value] || 0) + ")";
    }
  }

  // The counts for this query: per group with the choices in the other groups applied, not its own
  // (values in one group add up, so ticking one must not turn the others to 0).
  async function countsFor(query, filters, search) {
    const counts = {};
    for (const [key] of FILTERS) {
      if (!filters[key]) { counts[key] = search.filters[key]; continue; }
      const others = Object.assign({}, filters);
      delete others[key];
      counts[key] = (await pagefind.search(query || null, { filters: others })).filters[key];
    }
    return counts;
  }
