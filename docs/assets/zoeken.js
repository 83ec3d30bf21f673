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
  // The site's words (pagefind/leerlandschap-woorden/): {stop, synonyms, pages, letters, letterLoaded, set, byLetter,
  // loading, ranked}. `set`, `stop` and `synonyms` hold what starts with the first letters loaded so far; `ranked`
  // (every word, most pages first) is there once the whole list (leerlandschap-woorden.json) is loaded for a word
  // the site does not have.
  let vocab = null;
  let filtersLoaded = null; // a promise once the filter block was opened (or the address has filters)
  const help = document.createElement("p");
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

  // ---- Query understanding -------------------------------------------------------------------------
  const ENDINGS = ["'s", "en", "es", "s", "n", "e"];
  const COVERAGE = 2; // how much a page is held back for each query word it lacks
  const COMMON = 4; // a word on 1 in COMMON pages or more is common: its other words (Begrippen) are not searched
  const RARE = 3; // a compound on RARE pages or fewer is also searched by its parts ("privacyverklaring": privacy)
  const PART_W = 0.25; // how much the parts of such a compound count, next to the word itself
  const RANKING = { pageLength: 0.5, termFrequency: 0.5 }; // Pagefind's ranking (pagefind.options): long overview and role pages are not held back for their length
  const LINKS = ["s", "e", "en", ""];
  const PRONOUNS = new Set(["ik", "je", "jij", "we", "wij", "u", "jullie", "men"]); // "hoe <verb> ik ...": see understand

  function tokens(text) {
    return (text.toLowerCase().normalize("NFC").match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) || [])
      .map((w) => w.replace("’", "'"));
  }

  function plain(text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, ""); } // coördinator: coordinator

  // "wat is een leertafel", "wat betekent KDC", "betekenis van governance": someone asks what a word means. When the
  // word is an entry of the Begrippen page (or one of its "Ook wel:" words), that entry is the first result.
  const ASKS_MEANING = /^\s*(?:wat|wie)\s+(?:is|zijn|betekent|betekenen|bedoel|bedoelt|bedoelen|houdt)\b|\bbetekenis\b/i;
  const MEANING_WORDS = new Set(["wat", "wie", "is", "zijn", "betekent", "betekenen", "betekenis", "bedoel", "bedoelt",
                                 "bedoelen", "houdt", "in", "eigenlijk", "met", "van", "een", "de", "het", "je", "we"]);
  function meaningAsked(query) {
    if (!vocab || !ASKS_MEANING.test(query)) return null;
    const rest = tokens(query).filter((w) => !MEANING_WORDS.has(w));
    if (!rest.length || rest.length > 4) return null;
    const last = rest.length - 1;
    for (const form of stems(rest[last])) {
      const entry = vocab.terms[plain([...rest.slice(0, last), form].join(" "))];
      if (entry) return entry;
    }
    return null;
  }

  function stems(word) { // the word and the word without a common Dutch ending
    const out = [word];
    for (const end of ENDINGS) if (word.length > end.length + 3 && word.endsWith(end)) out.push(word.slice(0, -end.length));
    return out;
  }

  function startsSiteWord(word) { return completion(word) !== null; } // a word being typed: the start of a site word

  // The first site word (in alphabetical order: mostly the shortest) that starts with `word`, or null.
  function completion(word) {
    const sorted = vocab.byLetter.get(word[0]) || [];
    let lo = 0, hi = sorted.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < word) lo = mid + 1; else hi = mid; }
    return lo < sorted.length && sorted[lo].startsWith(word) ? sorted[lo] : null;
  }

  // The site word that is `word` with accents ("coordinator" -> "coördinator"), else `word` itself.
  function withAccents(word) {
    if (vocab.set.has(word) || vocab.stop.has(word) || /\d/.test(word)) return word; // "een" stays "een", not "één"
    for (const site of vocab.byLetter.get(word[0]) || []) if (site.length === word.length && plain(site) === word) return site;
    return word;
  }

  // The start of a site word that is `word` without its accents ("coordi" -> "coördi"), or null: Pagefind matches
  // the start of a word letter by letter, accents included.
  function accentedStart(word) {
    for (const site of vocab.byLetter.get(word[0]) || []) {
      if (site.length >= word.length && plain(site.slice(0, word.length)) === word) return site.slice(0, word.length);
    }
    return null;
  }

  function vocabFile(name) {
    return fetch(new URL("pagefind/leerlandschap-" + name, siteRoot)).then((r) => (r.ok ? r.text() : null)).catch(() => null);
  }

  function addWords(letter, list) {
    if (vocab.byLetter.has(letter)) return;
    vocab.byLetter.set(letter, [...list].sort());
    for (const word of list) vocab.set.add(word);
  }

  // The site's words, the stop words and the other words from Begrippen that start with `letter`: one small file.
  function loadLetter(letter) {
    if (!vocab.letters.has(letter) || vocab.letterLoaded.has(letter)) return null;
    if (!vocab.loading.has(letter)) {
      vocab.loading.set(letter, vocabFile("woorden/" + letter.codePointAt(0).toString(16) + ".json").then((text) => {
        const data = text ? JSON.parse(text) : {};
        for (const word of (data.stopwoorden || "").split(" ")) if (word) vocab.stop.add(word);
        Object.assign(vocab.synonyms, data.synoniemen || {});
        for (const [term, entry] of Object.entries(data.begrippen || {})) vocab.terms[plain(term)] = entry;
        for (const word of (data.vaak || "").split(" ")) if (word) vocab.often.add(word);
        for (const word of (data.overal || "").split(" ")) if (word) vocab.everywhere.add(word);
        for (const [word, others] of Object.entries(data.vormen || {})) vocab.forms[word] = others.split(" ");
        addWords(letter, data.woorden ? data.woorden.split(" ") : []);
        vocab.letterLoaded.add(letter);
      }));
    }
    return vocab.loading.get(letter);
  }

  function loadWholeList() { // every word, most pages first: only for a word the site does not have
    if (!vocab.loading.has("*")) {
      vocab.loading.set("*", vocabFile("woorden.json").then((text) => {
        const ranked = text ? JSON.parse(text).woorden.split(" ") : [];
        const byLetter = new Map();
        for (const word of ranked) byLetter.set(word[0], (byLetter.get(word[0]) || []).concat([word]));
        for (const [letter, list] of byLetter) addWords(letter, list);
        vocab.ranked = ranked;
      }));
    }
    return vocab.loading.get("*");
  }

  // Loads the words a query needs before it is understood: the first letters of its words, and the whole list
  // only when a word is neither on the site nor the start of a site word nor in Begrippen (then it is corrected).
  // A short last word still being typed ("b", "bestuurders l") is not searched yet: its letter file starts loading,
  // but the answer for the rest does not wait for it; should the word be a site word ("nl"), the query is searched
  // again once the file is there.
  async function prepare(query, typing) {
    if (!vocab) return;
    let all = tokens(query);
    const last = all[all.length - 1];
    if (typing && last && last.length < 3 && !/\d/.test(last) && !vocab.letterLoaded.has(last[0])) {
      all = all.slice(0, -1);
      const loading = loadLetter(last[0]);
      if (loading) loading.then(() => { if (vocab.set.has(last) && input.value.trim() === query) search(); });
    }
    await Promise.all([...new Set(all.map((w) => w[0]))].map(loadLetter));
    if (vocab.ranked) return;
    const onlyStop = all.every((w) => vocab.stop.has(w));
    const lacking = all.some((w) => !(!onlyStop && vocab.stop.has(w)) && !synonymsOf(w) && !known(w));
    if (lacking) await loadWholeList();
  }

  // The form of `word` the site has (itself, or with another Dutch ending), the word itself while it is the start
  // of a site word (still being typed), or null.
  function known(word) {
    if (/\d/.test(word) || word.length < 3) return word;
    return siteForm(word) || (startsSiteWord(word) ? word : null);
  }

  // The word, or the word with another Dutch ending, as the site has it. A long vowel is written double before one
  // consonant at the end and single before an ending: "logeer" is "logeren" on the site, "boom" "bomen".
  function siteForm(word) {
    if (vocab.set.has(word)) return word;
    for (const s of stems(word)) {
      const long = /([aeou])\1([^aeiou])$/.exec(s);
      for (const form of long ? [s, s.slice(0, -3) + long[1] + long[2]] : [s]) {
        for (const e of ["", ...ENDINGS]) if (vocab.set.has(form + e)) return form + e;
      }
    }
    return null;
  }

  // The word and its other forms on the site whose stem Pagefind would not match ("opgave" and "opgaven",
  // "coördinator" and "coördinatoren": searchcommon.py), each searched.
  function withForms(q) { return [q, ...(vocab.forms[q] || [])].map((form) => ({ q: form, w: 1 })); }

  function synonymsOf(word) {
    for (const s of stems(word)) if (vocab.synonyms[s]) return vocab.synonyms[s];
    return null;
  }

  // A compound the site does not have as one word, in parts the site does have ("praktijkvoorbeelden").
  function splitCompound(word) {
    const parts = splitTable(word).get(word.length);
    return parts && parts.length > 1 ? parts : null;
  }

  // Where a split of `word` into site words can get to: position -> the fewest parts that reach it.
  function splitTable(word) {
    const best = new Map([[0, []]]);
    for (let i = 0; i < word.length; i++) {
      if (!best.has(i)) continue;
      for (let j = i + 4; j <= word.length - (i === 0 ? 1 : 0); j++) { // a split has two parts or more
        for (const link of LINKS) {
          const piece = word.slice(i, j);
          if (link && !piece.endsWith(link)) continue;
          const core = link ? piece.slice(0, -link.length) : piece;
          if (core.length < 3 || !vocab.set.has(core)) continue;
          const parts = best.get(i).concat([core]);
          if (!best.has(j) || best.get(j).length > parts.length) best.set(j, parts);
        }
      }
    }
    return best;
  }

  // The parts of a site word, loading the word files of the letters the split reaches (one or two small files).
  async function compoundParts(word) {
    for (let round = 0; round < 4; round++) {
      const table = splitTable(word);
      const letters = [...table.keys()].filter((i) => i < word.length).map((i) => word[i]);
      const loading = letters.map(loadLetter).filter(Boolean);
      if (!loading.length) return splitCompound(word);
      await Promise.all(loading);
    }
    return splitCompound(word);
  }

  // The longest site word (5 letters or more) that an unknown word starts or ends with: "crisisopvang" -> "crisis",
  // also in another form the site has ("logeerzorg" -> "logeer" -> "logeren"). Shorter parts ("zorg" in
  // "logeerzorg") are mostly common words that would only bring noise.
  function partOf(word) {
    let best = null, length = 0;
    for (let i = word.length - 1; i >= 5 && !best; i--) if ((best = siteForm(word.slice(0, i)))) length = i;
    for (let i = 1; i <= word.length - 5; i++) {
      if (vocab.set.has(word.slice(i))) {
        if (!best || word.length - i > length) best = word.slice(i);
        break;
      }
    }
    return best;
  }

  function distance(a, b, limit) { // Damerau-Levenshtein (optimal string alignment), stops above `limit`
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let prev2 = null, prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let low = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        row.push(v);
        low = Math.min(low, v);
      }
      if (low > limit) return limit + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  function correction(word, most) { // the most common site word within a small edit distance
    const limit = Math.min(most, word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0);
    if (!limit || !vocab.ranked) return null;
    let best = null, bestDistance = limit + 1;
    for (const candidate of vocab.ranked) { // most pages first: ties go to the more common word
      if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
      const d = distance(word, candidate, bestDistance - 1);
      if (d < bestDistance) { best = candidate; bestDistance = d; }
    }
    return best;
  }

  function phraseAt(words, i) { // the longest phrase from the Begrippen page starting at word i ("stand van zaken")
    for (let n = Math.min(4, words.length - i); n >= 2; n--) {
      const head = words.slice(i, i + n - 1).join(" ");
      for (const last of stems(words[i + n - 1])) if (vocab.synonyms[head + " " + last]) return [n, head + " " + last];
    }
    return null;
  }

  // The query as terms, each with the strings to search for it (any of them may match). `typing`: the last word
  // may still be unfinished (the field changed, no space after it, no Enter).
  function understand(query, typing) {
    const all = tokens(query);
    const plan = { terms: [], dropped: [], corrected: [], synonyms: [], unknown: [], split: [], partial: [], waiting: null,
                   waitingFor: null, everywhere: [], asked: [], parts: [] };
    if (!vocab) { plan.terms = all.map((w) => ({ word: w, alts: [{ q: w, w: 1 }] })); return plan; }
    const onlyStop = all.every((w) => vocab.stop.has(w));
    for (let i = 0; i < all.length; i++) {
      const phrase = phraseAt(all, i);
      if (phrase) { // a phrase from the Begrippen page is one term
        const [n, key] = phrase;
        plan.terms.push({ word: key, alts: [{ q: all.slice(i, i + n).join(" "), w: 1 }, ...vocab.synonyms[key].map((q) => ({ q, w: 1, extra: true }))] });
        plan.synonyms.push([key, vocab.synonyms[key], plan.terms[plan.terms.length - 1]]);
        i += n - 1;
        continue;
      }
      const word = withAccents(all[i]); // "coordinator" is "coördinator" on the site
      if (!onlyStop && vocab.stop.has(word)) { plan.dropped.push(word); continue; }
      const others = synonymsOf(word);
      if (others) {
        const own = known(word);
        const alts = others.map((q) => ({ q, w: 1, extra: !!own })); // the word's own results decide (searchPlan)
        if (own) alts.unshift(...withForms(own));
        plan.terms.push({ word, alts });
        plan.synonyms.push([word, others, plan.terms[plan.terms.length - 1]]);
      } else if (known(word)) {
        const q = known(word);
        // The start of a word being typed that would find half of the site or more ("lee", "bes"), or a word on
        // nearly every page ("leer"): such a search takes long and shows nothing in particular, so it waits for the
        // next letter or a pause (lists: searchcommon.py; run() starts the pause).
        if (typing && i === all.length - 1 && q.startsWith(word) && (vocab.often.has(q) || vocab.everywhere.has(q))) {
          plan.waiting = word;
          plan.waitingFor = q;
          continue;
        }
        // Pagefind finds the start of a word through the word's stem, which can end before what was typed, with a
        // different spelling: "monitori" is the start of "monitoring" (stem "monitoor"). When the start itself
        // finds nothing, the first site word it starts is searched instead (searchPlan).
        const alts = withForms(q);
        const whole = q === word && !siteForm(word) ? completion(word) : null;
        if (whole) alts.push({ q: whole, w: 1, fallback: true });
        // A long site word on a few pages only may be a compound whose parts the reader means: "privacyverklaring"
        // is on one page, the page about privacy says "privacy" (searchPlan).
        const compound = vocab.set.has(q) && q.length >= 8 ? q : null;
        plan.terms.push({ word, alts, everywhere: vocab.everywhere.has(q), compound });
      } else if (typing && i === all.length - 1 && accentedStart(word)) { // "coordi": the start of "coördinator"
        plan.terms.push({ word, alts: [{ q: accentedStart(word), w: 1 }] });
      } else {
        const near = correction(word, 1);
        const parts = near ? null : splitCompound(word);
        const fixed = near || (parts ? null : correction(word, 2));
        let piece = null;
        if (parts) {
          plan.split.push([word, parts]);
          for (const part of parts) plan.terms.push({ word: part, alts: [{ q: part, w: 1 }] });
        } else if (fixed) {
          plan.corrected.push([word, fixed]);
          plan.terms.push({ word: fixed, alts: [{ q: fixed, w: 1 }] });
        } else if ((piece = partOf(word))) { // a compound of which only one part is on the site: that part, and we say so
          plan.partial.push([word, piece]);
          plan.terms.push({ word: piece, alts: [{ q: piece, w: 1 }] });
        } else {
          plan.unknown.push(word);
          plan.terms.push({ word, alts: [] }); // nothing on the site: better no result than a random prefix
        }
      }
    }
    // one or two letters match almost every word of the site while they are being typed: wait for a third
    plan.terms = plan.terms.filter((term) => term.word.length > 2 || /\d/.test(term.word) || vocab.set.has(term.word));
    // A word on nine pages in ten or more ("leren" on a site about learning) tells nothing next to rarer words:
    // it counts as little as a stop word, unless the query has nothing else.
    if (plan.terms.some((term) => !term.everywhere)) {
      plan.everywhere = plan.terms.filter((term) => term.everywhere).map((term) => term.alts[0].q);
      plan.terms = plan.terms.filter((term) => !term.everywhere);
    }
    // "hoe zorg ik voor draagvlak", "hoe organiseer je reflectie": the verb of a how-question says what the reader
    // wants to do, the other words what about. A page without the verb is not held back (searchPlan); with it, it
    // scores a little higher.
    const verb = all[0] === "hoe" && all.length > 3 && PRONOUNS.has(all[2]) ? all[1] : null;
    const asked = plan.terms.filter((term) => term.word === verb);
    if (asked.length && asked.length < plan.terms.length) {
      for (const term of asked) term.asked = true;
      plan.asked = [verb];
    }
    return plan;
  }

  // Every term is searched on its own (its alternatives added up); a page's score is the sum over the terms,
  // each weighted by how rare it is on the site, times the share of the terms it has (squared): pages with
  // every word come first unless a rarer, better match lacks only a common one.
  // Pagefind's answers for the strings searched lately: while a query is typed, its finished words are not
  // searched again at every keystroke ("bestuurders l", "bestuurders le", …).
  const answers = new Map();
  function pagefindSearch(q, filters) {
    const key = JSON.stringify(filters) + "\u0000" + q;
    if (!answers.has(key)) {
      if (answers.size >= 40) answers.delete(answers.keys().next().value);
      const answer = pagefind.search(q, { filters });
      answer.catch(() => answers.delete(key)); // a failed search is tried again next time
      answers.set(key, answer);
    }
    return answers.get(key);
  }

  // Other words from Begrippen for a word the site has ("extra") are not searched when the word itself is on a
  // quarter of the site's pages or more: such a word is what the site says, the other words would hardly change
  // the order, and each of them costs a part of the index to download.
  async function searchPlan(plan, filters, stale) {
    const pages = Math.max(vocab ? vocab.pages : 1, 1);
    let last = null; // Pagefind's answer for the last string searched: a one-word query reuses it for the filter counts
    const perTerm = await Promise.all(plan.terms.map(async (term) => {
      const scores = new Map();
      let own = 0; // on how many pages (filters aside) the word itself is
      for (const alt of term.alts) {
        if (stale()) return null; // a newer query came in: do not search on for this one
        if (alt.extra && own * COMMON >= pages) { alt.skipped = true; continue; }
        if (alt.fallback && scores.size) { alt.skipped = true; continue; } // the start of the word found pages itself
        const found = last = await pagefindSearch(alt.q, filters);
        if (!alt.extra && !alt.part) own = Math.max(own, found.unfilteredResultCount || 0);
        const top = found.results.length ? found.results[0].score || 1 : 1;
        for (const result of found.results) {
          const seen = scores.get(result.id) || { value: 0, result };
          seen.value += alt.w * (result.score || 1) / top;
          scores.set(result.id, seen);
        }
        if (term.compound && !alt.part && alt === term.alts[term.alts.length - 1] && own <= RARE && !stale()) {
          // Its parts are searched next, as the term's last alternatives; short parts and parts on half of the site
          // or more ("leer" in "leerdoelen") would only bring noise, as in partOf.
          const parts = ((await compoundParts(term.compound)) || [])
            .filter((part) => part.length >= 5 && !vocab.often.has(part) && !vocab.everywhere.has(part));
          if (parts.length) {
            term.alts.push(...parts.map((part) => ({ q: part, w: PART_W, part: true })));
            plan.parts.push([term.compound, parts]);
          }
        }
      }
      return scores;
    }));
    if (perTerm.includes(null) || stale()) return null;
    const merged = new Map();
    perTerm.forEach((scores, t) => {
      const rarity = Math.log(1 + pages / Math.max(1, scores.size));
      for (const [id, { value, result }] of scores) {
        const entry = merged.get(id) || { id, hits: 0, score: 0, best: null, rarity: -1 };
        if (!plan.terms[t].asked) entry.hits += 1;
        entry.score += value * rarity;
        if (rarity > entry.rarity) { entry.rarity = rarity; entry.best = result; }
        merged.set(id, entry);
      }
    });
    const n = plan.terms.filter((term) => !term.asked).length;
    for (const entry of merged.values()) entry.rank = entry.score * Math.pow(entry.hits / n, COVERAGE);
    const list = [...merged.values()].sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : 1));
    return { list, full: list.filter((entry) => entry.hits === n).length, last };
  }

  // ---- Results -------------------------------------------------------------------------------------
  const PART_WEIGHTS = [10 / 24, 69 / 24]; // how Pagefind stores the weights of the compound parts (searchdocs.py)

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  function markerFor(plan) { // words that start with a searched word (or its stem) are marked
    const roots = new Set();
    for (const term of plan.terms) for (const alt of term.alts) if (!alt.skipped) for (const w of tokens(alt.q)) roots.add(stems(w).pop());
    const list = [...roots].filter((r) => r.length >= 2).sort((a, b) => b.length - a.length).map(escapeRegExp);
    return list.length ? new RegExp("(^|[^\\p{L}\\p{N}])((?:" + list.join("|") + ")[\\p{L}\\p{N}]*)", "giu") : null;
  }

  function marked(text, marker, tag, className) {
    const out = document.createElement(tag);
    if (className) out.className = className;
    let last = 0;
    if (marker) {
      marker.lastIndex = 0;
      for (let m; (m = marker.exec(text));) {
        const start = m.index + m[1].length;
        out.append(document.createTextNode(text.slice(last, start)));
        const mark = document.createElement("mark");
        mark.textContent = m[2];
        out.append(mark);
        last = start + m[2].length;
      }
    }
    out.append(document.createTextNode(text.slice(last)));
    return out;
  }

  // Pagefind's excerpt is HTML; only its text is used (nothing else can slip in). When the only match is in the
  // compound parts (not shown on the page), the start of the page is shown instead.
  function excerptText(data) {
    const locations = data.weighted_locations || [];
    const onlyParts = locations.length && locations.every((l) => PART_WEIGHTS.some((w) => Math.abs(l.weight - w) < 0.01));
    if (onlyParts || !data.excerpt) return (data.content || "").split(/\s+/).slice(0, 30).join(" ") + " …";
    return new DOMParser().parseFromString("<p>" + data.excerpt + "</p>", "text/html").body.textContent;
  }

  function resultItem(data, marker) {
    const item = document.createElement("li");
    item.className = "ll-resultaat";
    const link = marked((data.meta && data.meta.title) || data.url, marker, "a");
    link.href = data.url;
    const kind = document.createElement("span");
    kind.className = "ll-meta";
    const soort = document.createElement("span");
    soort.className = "ll-soort";
    soort.textContent = (data.meta && data.meta.soortnaam) || ((data.filters && data.filters.soort) || []).join(", ");
    kind.append(soort);
    if (data.meta && data.meta.deel) kind.append(document.createTextNode(" \u00b7 " + data.meta.deel));
    item.append(link, document.createTextNode(" "), kind, marked(excerptText(data), marker, "p", "ll-resultaat__tekst"));
    return item;
  }

  // The entry of the Begrippen page for a word someone asked the meaning of (meaningAsked).
  function begripItem([heading, anchor], marker) {
    const item = document.createElement("li");
    item.className = "ll-resultaat";
    const link = marked(heading, marker, "a");
    link.href = new URL("begrippen/#" + anchor, siteRoot).pathname + "#" + anchor;
    const kind = document.createElement("span");
    kind.className = "ll-meta";
    const soort = document.createElement("span");
    soort.className = "ll-soort";
    soort.textContent = "Begrip";
    kind.append(soort, document.createTextNode(" \u00b7 Begrippen"));
    const text = document.createElement("p");
    text.className = "ll-resultaat__tekst";
    text.textContent = "Wat \u201c" + heading + "\u201d betekent op deze site: de uitleg bij Begrippen.";
    item.append(link, document.createTextNode(" "), kind, text);
    return item;
  }

  // Within the first page of results, pages whose title has every word of the query go first (stable):
  // the overview "Rollen" before a question that mentions roles. Only what is loaded anyway is used.
  function titleFirst(shown, plan) {
    if (!plan.terms.length) return shown;
    const hits = (data) => {
      const title = tokens((data.meta && data.meta.title) || "");
      return plan.terms.filter((term) => term.alts.some((alt) => !alt.part && tokens(alt.q).every((w) => {
        const root = stems(w).pop();
        return title.some((t) => t.startsWith(root) || (root.length >= 5 && t.includes(root)));
      }))).length;
    };
    const all = (data) => (hits(data) === plan.terms.length ? 1 : 0);
    return shown.map((data, i) => [all(data), i, data]).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map((x) => x[2]);
  }

  function quoted(list) { return list.map((w) => "\u201c" + w + "\u201d").join(", "); }

  function explain(plan, query) {
    help.replaceChildren();
    const lines = [];
    for (const [word, fixed] of plan.corrected) {
      const line = document.createElement("span");
      const next = new URL(location.href);
      next.searchParams.set("q", tokens(query).map((w) => (w === word ? fixed : w)).join(" "));
      const link = document.createElement("a");
      link.href = next.search;
      link.textContent = fixed;
      line.append("Bedoel je ", link, "? \u201c" + word + "\u201d staat niet op de site; we zochten op \u201c" + fixed + "\u201d.");
      lines.push(line);
    }
    for (const [word, parts] of plan.split) lines.push("\u201c" + word + "\u201d gezocht als " + quoted(parts) + ".");
    for (const [word, part] of plan.partial) {
      // "crisisopvang": a part of it; "logeerzorg": the site's word for its first part ("logeren")
      const what = word.includes(part) ? "een deel ervan: " : "een woord dat erin zit: ";
      lines.push("\u201c" + word + "\u201d staat niet op de site; we zochten op " + what + "\u201c" + part + "\u201d.");
    }
    for (const [word, parts] of plan.parts) lines.push("\u201c" + word + "\u201d staat op weinig pagina\u2019s. We zochten ook op " + quoted(parts) + ".");
    for (const [word, others, term] of plan.synonyms) {
      if (term.alts.some((alt) => alt.skipped)) continue; // the word itself gave enough: its other words were not searched
      lines.push("Ook gezocht op " + quoted(others) + " (zelfde betekenis als \u201c" + word + "\u201d).");
    }
    if (plan.dropped.length) lines.push("Kleine woorden zoals " + quoted(plan.dropped) + " tellen niet mee.");
    if (plan.asked.length) lines.push(quoted(plan.asked) + " hoort bij je vraag en telt minder mee.");
    if (plan.everywhere.length) lines.push(quoted(plan.everywhere) + " staat op bijna elke pagina en telt daarom niet mee.");
    if (plan.waiting) lines.push("\u201c" + plan.waiting + "\u201d zoeken we als je verder typt of even wacht.");
    if (plan.unknown.length) lines.push(quoted(plan.unknown) + " staat niet op de site.");
    lines.forEach((line, i) => { if (i) help.append(document.createElement("br")); help.append(line); });
  }

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
    await prepare(query, typing);
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
      list.dataset.wacht = plan.waiting || ""; // a word that waits for its next letter (or a pause)
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
      const searched = plan.terms.length === 1 ? plan.terms[0].alts.filter((alt) => !alt.skipped) : [];
      const simple = searched.length === 1 ? searched[0].q : null;
      if (simple && found.last) counts = await countsFor(simple, filters, found.last);
    }
    if (ticket !== latest) return; // a newer search has started meanwhile
    const marker = markerFor(plan);
    let shown = titleFirst(await Promise.all(found.list.slice(0, PAGE_SIZE).map((entry) => entry.best.data())), plan);
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
    list.dataset.wacht = plan.waiting || ""; // a word that waits for its next letter (or a pause)
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
                  often: new Set(), everywhere: new Set(), forms: Object.create(null), warm: data.opwarmen || null,
                  letterLoaded: new Set(), set: new Set(), byLetter: new Map(), loading: new Map(), ranked: null };
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
