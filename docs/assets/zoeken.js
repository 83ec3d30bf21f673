// Search with Pagefind's JavaScript API: our own small UI, in Dutch, with filters.
// Runs only on the search page (#ll-zoeken). Nothing is sent anywhere: the index is part of the site.
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
  const PAGE_SIZE = 10; // results load their text one by one: ten at a time keeps a first search small
  const params = new URLSearchParams(location.search);
  const selected = Object.fromEntries(FILTERS.map(([key]) => [key, new Set(params.getAll(key))]));
  input.value = params.get("q") || "";
  let pagefind = null;
  let latest = 0;
  let timer = null;
  let current = null; // the last search: {results, shown, query}
  let totals = {}; // the count of every filter value over the whole site
  const labels = Object.fromEntries(FILTERS.map(([key]) => [key, new Map()])); // value -> its <label>
  const more = document.createElement("button");
  more.type = "button";
  more.className = "ll-knop ll-knop--zacht";
  more.textContent = "Toon meer resultaten";
  more.hidden = true;
  list.after(more);

  function say(text) { status.textContent = text; }

  function rememberInUrl(query) {
    const next = new URLSearchParams();
    if (query) next.set("q", query);
    for (const [key] of FILTERS) for (const value of selected[key]) next.append(key, value);
    const search = next.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
  }

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
        run();
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

  // Pagefind's excerpt is HTML with <mark>; copy only its text and marks, so nothing else can slip in.
  function excerptNode(html) {
    const parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    const out = document.createElement("p");
    out.className = "ll-resultaat__tekst";
    for (const node of parsed.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.append(mark);
      } else {
        out.append(document.createTextNode(node.textContent));
      }
    }
    return out;
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

  function resultItem(data) {
    const item = document.createElement("li");
    item.className = "ll-resultaat";
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    const kind = document.createElement("span");
    kind.className = "ll-meta";
    kind.textContent = ((data.filters && data.filters.soort) || []).join(", ");
    item.append(link, document.createTextNode(" "), kind, excerptNode(data.excerpt || ""));
    return item;
  }

  async function run() {
    const query = input.value.trim();
    rememberInUrl(query);
    if (!pagefind) return;
    const filters = {};
    for (const [key] of FILTERS) if (selected[key].size) filters[key] = { any: [...selected[key]] };
    const chosen = FILTERS.reduce((sum, [key]) => sum + selected[key].size, 0);
    filterSummary.textContent = "Filters" + (chosen ? " (" + chosen + " gekozen)" : "");
    if (!query && !Object.keys(filters).length) {
      ++latest;
      showCounts(totals);
      list.replaceChildren();
      more.hidden = true;
      say("Typ een zoekwoord of kies een filter.");
      return;
    }
    const ticket = ++latest;
    const search = await pagefind.search(query || null, { filters });
    const shown = await Promise.all(search.results.slice(0, PAGE_SIZE).map((result) => result.data()));
    const counts = await countsFor(query, filters, search);
    if (ticket !== latest) return; // a newer search has started meanwhile
    showCounts(counts);
    list.replaceChildren(...shown.map(resultItem));
    current = { results: search.results, shown: shown.length };
    more.hidden = current.shown >= current.results.length;
    const total = search.results.length;
    const what = query ? " voor \u201c" + query + "\u201d" : "";
    say(total === 0 ? "Niets gevonden" + what + ". Probeer een ander woord of minder filters."
      : total + (total === 1 ? " resultaat" : " resultaten") + what + ".");
  }

  more.addEventListener("click", async () => {
    const ticket = latest;
    const next = await Promise.all(current.results.slice(current.shown, current.shown + PAGE_SIZE).map((r) => r.data()));
    if (ticket !== latest) return;
    const items = next.map(resultItem);
    list.append(...items);
    current.shown += next.length;
    more.hidden = current.shown >= current.results.length;
    if (items.length) items[0].querySelector("a").focus(); // keyboard users continue at the first new result
  });

  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  if (location.hash === "#ll-zoekveld") input.focus(); // came here with the search button in the header
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 200); });

  (async function start() {
    try {
      pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
      await pagefind.options({ baseUrl: siteRoot.pathname });
      totals = await pagefind.filters();
      for (const [key, label] of FILTERS) {
        if (totals[key] && Object.keys(totals[key]).length) filterBox.append(filterFieldset(key, label, totals[key]));
      }
      filterBlock.hidden = !filterBox.childElementCount;
      filterBlock.open = window.matchMedia("(min-width: 60em)").matches; // on a phone the results come first
    } catch (error) {
      say("Zoeken werkt hier nog niet: de zoekindex ontbreekt. Bouw de site met 'make site'.");
      return;
    }
    run();
  })();
})();
