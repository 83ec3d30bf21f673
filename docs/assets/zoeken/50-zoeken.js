// A part of zoeken.js: the parts in docs/assets/zoeken/ are joined in name order into that one file when the site is
// built (one scope for all). This part: one search at a time (search, run), the events of the form, the filter block
// and the start. It closes the function that 10-pagina.js opens.
  // Each change of the query or the filters asks for a search. While one runs, later requests fold into one that
  // starts when it is done, so each keystroke waits for at most one search and only the newest text is searched.
  // `whole`: Enter was pressed (or the address gave the query): the last word is finished, search it as it is.
  function search(whole) {
    clearTimeout(pause);
    if (whole) wholeAsked = true;
    if (running) {
      pending = true;
      ++latest; // the running search is out of date: it stops at its next step
      return;
    }
    running = true;
    const asked = wholeAsked;
    wholeAsked = false;
    run(asked).finally(() => {
      running = false;
      if (pending) {
        pending = false;
        search();
      }
    });
  }

  async function run(whole) {
    const query = input.value.trim();
    if (whole) finished = query;
    rememberInUrl(query, whole);
    if (!pagefind) return;
    const filters = {};
    for (const [key] of FILTERS) if (selected[key].size) filters[key] = { any: [...selected[key]] };
    const chosen = FILTERS.reduce((sum, [key]) => sum + selected[key].size, 0);
    filterSummary.textContent = "Filters" + (chosen ? " (" + chosen + " gekozen)" : "");
    if (!query && !Object.keys(filters).length) {
      ++latest;
      showCounts(totals);
      list.replaceChildren();
      help.replaceChildren();
      more.hidden = true;
      list.dataset.query = "";
      list.dataset.wacht = "";
      say("Typ een zoekwoord of kies een filter.");
      return;
    }
    const ticket = ++latest;
    const stale = () => ticket !== latest;
    const typing = query !== finished && !/\s$/.test(input.value); // the last word may be unfinished
    const held = await prepare(query, typing); // a short last word whose letter file is still on its way
    if (ticket !== latest) return; // a newer search has started meanwhile
    const plan = understand(query, typing);
    if (plan.waiting) { // searched when the typing pauses; meanwhile the part of the index it needs loads
      pagefind.preload(plan.waitingFor).catch(() => {});
      pause = setTimeout(() => search(true), PAUSE_MS);
    }
    if (query && !plan.terms.length) {
      // While the first letters are typed, the part of the index for them loads: the third letter then only searches.
      for (const word of tokens(query)) if (word.length === 2) pagefind.preload(word).catch(() => {});
      list.replaceChildren();
      help.replaceChildren();
      more.hidden = true;
      list.dataset.query = query;
      list.dataset.wacht = plan.waiting || held; // a word that waits for its next letter, a pause or its letter file
      say(plan.waiting ? "Veel pagina\u2019s hebben een woord dat begint met \u201c" + plan.waiting + "\u201d. Typ verder of wacht even."
                       : "Typ minstens drie letters.");
      return;
    }
    let found, counts = null;
    if (!plan.terms.length) { // only filters
      const search = await pagefind.search(null, { filters });
      found = { list: search.results.map((r) => ({ id: r.id, best: r, hits: 0 })), full: search.results.length };
      counts = await countsFor(null, filters, search);
    } else {
      found = await searchPlan(plan, filters, stale);
      if (!found) return;
      // The texts of the first results load while the counts and the overview are worked out (Pagefind keeps them).
      for (const entry of found.list.slice(0, PAGE_SIZE)) entry.best.data().catch(() => {});
      const base = await exactBase(plan, filters);
      if (base) counts = await countsFor(plan.terms[0].alts.find((alt) => !alt.skipped).q, filters, base);
    }
    if (ticket !== latest) return; // a newer search has started meanwhile
    const marker = markerFor(plan);
    const overview = plan.terms.length ? await overviewFor(plan, filters) : null;
    if (ticket !== latest) return;
    if (overview) found.list = [{ id: overview.id, best: overview, hits: 1 }, ...found.list.filter((entry) => entry.id !== overview.id)];
    const texts = await Promise.all(found.list.slice(0, PAGE_SIZE).map((entry) => entry.best.data()));
    let shown = titleFirst(texts, plan, query);
    if (overview) shown = [texts[0], ...shown.filter((data) => data !== texts[0])]; // the list asked for, first
    plan.overview = !!overview;
    if (ticket !== latest) return;
    const meaning = meaningAsked(query);
    const before = shown.length;
    if (meaning) shown = shown.filter((data) => !/\/begrippen\/$/.test(data.url.split("#")[0]));
    counts ? showCounts(counts) : showValuesOnly();
    list.replaceChildren(...(meaning ? [begripItem(meaning, marker)] : []), ...shown.map((data) => resultItem(data, marker)));
    current = { results: found.list, shown: shown.length, marker };
    more.hidden = current.shown >= current.results.length;
    explain(plan, query);
    list.dataset.query = query;
    list.dataset.wacht = plan.waiting || held; // a word that waits for its next letter, a pause or its letter file
    const total = found.list.length + (meaning && shown.length === before ? 1 : 0); // the entry is a result too
    const what = query ? " voor \u201c" + query + "\u201d" : "";
    const n = (count) => count + (count === 1 ? " resultaat" : " resultaten");
    if (total === 0) say("Niets gevonden" + what + ". Probeer een ander woord of minder filters.");
    else if (found.full === total || plan.terms.length < 2) say(n(total) + what + ".");
    else if (found.full === 0) say("Geen resultaat met alle woorden" + what + ". Wel " + n(total) + " met een deel van de woorden.");
    else say(n(total) + what + ": " + found.full + " met alle woorden, " + (total - found.full) + " met een deel ervan.");
  }

  function showValuesOnly() { // counts per filter are only known for a search on one word
    for (const [key] of FILTERS) for (const [value, label] of labels[key]) label.textContent = value;
  }

  more.addEventListener("click", async () => {
    const ticket = latest;
    const next = await Promise.all(current.results.slice(current.shown, current.shown + PAGE_SIZE).map((r) => r.best.data()));
    if (ticket !== latest) return;
    const items = next.map((data) => resultItem(data, current.marker));
    list.append(...items);
    current.shown += next.length;
    more.hidden = current.shown >= current.results.length;
    if (items.length) items[0].querySelector("a").focus(); // keyboard users continue at the first new result
  });

  form.addEventListener("submit", (event) => { event.preventDefault(); search(true); });
  if (location.hash === "#ll-zoekveld") input.focus(); // came here with the search button in the header
  input.addEventListener("input", () => search());

  // The filters (values and counts) are loaded when the filter block is first opened, or right away when the
  // address already has filters: a first search without filters does not need them.
  function loadFilters() {
    if (!filtersLoaded) {
      filtersLoaded = pagefind.filters().then((all) => {
        totals = all;
        // Pagefind counts the results per filter value only once the filters are loaded: an answer kept from before
        // has no counts, and every value would read "(0)" for the query already on the page.
        answers.clear();
        for (const [key, label] of FILTERS) {
          if (totals[key] && Object.keys(totals[key]).length) filterBox.append(filterFieldset(key, label, totals[key]));
        }
        if (!filterBox.childElementCount) {
          const none = document.createElement("p");
          none.textContent = "Er zijn geen filters.";
          filterBox.append(none);
        }
      });
    }
    return filtersLoaded;
  }

  filterBlock.addEventListener("toggle", () => {
    if (filterBlock.open && pagefind && !filtersLoaded) loadFilters().then(() => search());
  });

  (async function start() {
    try {
      const hints = vocabFile("woorden/hulp.json");
      pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
      await pagefind.options({ baseUrl: siteRoot.pathname, ranking: RANKING, noWorker: true }); // no worker: 12 KB less
      await pagefind.init(); // this is the search page: the engine and the page list load now, not on the first keystroke
      const text = await hints;
      if (text) {
        const data = JSON.parse(text);
        // No prototype: a searched word such as "constructor" must not find Object's own properties.
        vocab = { stop: new Set(), synonyms: Object.create(null), terms: Object.create(null), pages: data.paginas, letters: new Set(data.letters),
                  often: new Set(), everywhere: new Set(), forms: Object.create(null), apart: Object.create(null), whole: new Set(), warm: data.opwarmen || null,
                  letterLoaded: new Set(), set: new Set(), accented: new Map(), byLetter: new Map(), loading: new Map(), ranked: null };
      }
      filterBlock.hidden = false;
      if (FILTERS.some(([key]) => selected[key].size)) {
        filterBlock.open = window.matchMedia("(min-width: 60em)").matches; // on a phone the results come first
        await loadFilters();
      }
    } catch (error) {
      say("Zoeken werkt hier nog niet: de zoekindex ontbreekt. Bouw de site met 'make site'.");
      return;
    }
    const fromAddress = params.has("q") && input.value.trim() === params.get("q").trim();
    // Pagefind's first search with many results, and the first texts of results, take longer than the ones after
    // them (the texts come over new connections to the host): on an empty search page, one search for the site's
    // most common word (hulp.json) and the texts of its first results prepare both while the reader has not typed.
    if (!fromAddress && vocab && vocab.warm) {
      await pagefind.search(vocab.warm).then((found) => Promise.all(found.results.slice(0, PAGE_SIZE).map((r) => r.data())))
        .catch(() => {});
    }
    search(fromAddress); // a query from the address is finished
  })();
})();
