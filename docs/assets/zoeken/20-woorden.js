// A part of zoeken.js: the parts in docs/assets/zoeken/ are joined in name order into that one file when the site is
// built (one scope for all). This part: the site's words (loaded per first letter), their forms, accents, compounds
// and corrections.

  // ---- Query understanding -------------------------------------------------------------------------
  const ENDINGS = ["'s", "en", "es", "s", "n", "e"];
  const COVERAGE = 2; // how much a page is held back for each query word it lacks
  const COMMON = 4; // a word on 1 in COMMON pages or more is common: its other words (Begrippen) are not searched
  const RARE = 3; // a compound on RARE pages or fewer is also searched by its parts ("privacyverklaring": privacy)
  const PART_W = 0.25; // how much the parts of such a compound count, next to the word itself
  const APART_W = 0.5; // how much a term's alternative of several words counts, next to one of one word (searchPlan)
  // Pagefind's ranking (pagefind.options): long overview and role pages are not held back for their length. Pagefind
  // also scores the words of a page's meta fields. Three of ours are not for that (searchdocs.py): "kenmerk" (the
  // line above an item's title) is only shown, its words count once as the page's text; "verborgen" (a number: "16"
  // put pages with 16 hidden words first) and "voorbeeld" ("ja") are data for this page, not words of the page.
  const RANKING = { pageLength: 0.5, termFrequency: 0.5, metaWeights: { kenmerk: 0, verborgen: 0, voorbeeld: 0 } };
  const LINKS = ["s", "e", "en", ""];
  const PRONOUNS = new Set(["ik", "je", "jij", "we", "wij", "u", "jullie", "men"]); // "hoe <verb> ik ...": see understand
  // After a question's verb comes a pronoun, an article or "er" ("hoe werkt een thematafel", "wie zitten er aan"):
  // that tells the verb from a noun ("welke vragen passen"); see understand.
  const AFTER_VERB = new Set([...PRONOUNS, "een", "de", "het", "er"]);
  // A question's verb comes next. Not "wat": its verb is often what is asked about ("wat ontbreekt er nog").
  const QUESTION_WORDS = new Set(["hoe", "wie", "waar", "wanneer", "waarom"]);

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
  // "wat is het verschil tussen een thematafel en een leertafel": the entry of the first of the two that Begrippen has.
  const COMPARES = /\bverschil\s+tussen\s/i;
  function meaningAsked(query) {
    if (vocab && COMPARES.test(query)) {
      for (const word of tokens(query.split(COMPARES).slice(1).join(" "))) {
        for (const form of stems(word)) { const entry = vocab.terms[plain(form)]; if (entry) return entry; }
      }
      return null;
    }
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
    return vocab.accented.get(word) || word;
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
    for (const word of list) {
      vocab.set.add(word);
      const bare = plain(word); // a few site words have accents: found by their plain form (withAccents)
      if (bare !== word && !vocab.accented.has(bare)) vocab.accented.set(bare, word);
    }
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
        // pages Pagefind finds for the word only through a word of the same stem that is another word (searchfamilies.py)
        for (const [word, pages] of Object.entries(data.apart || {})) vocab.apart[word] = new Set(pages.split(" "));
        for (const word of (data.heel || "").split(" ")) if (word) vocab.whole.add(word); // searchwhole.py
        addWords(letter, data.woorden ? data.woorden.split(" ") : []);
        vocab.letterLoaded.add(letter);
      }));
    }
    return vocab.loading.get(letter);
  }

  function loadWholeList() { // every word, most pages first: only for a word the site does not have
    if (!vocab.loading.has("*")) {
      vocab.loading.set("*", vocabFile("woorden.json").then((text) => {
        const data = text ? JSON.parse(text) : { woorden: "" };
        const ranked = data.woorden.split(" ");
        // Dutch words of their own that are not on the site ("leerkracht"): not cut into the site's words (searchwhole.py)
        for (const word of (data.heel || "").split(" ")) if (word) vocab.whole.add(word);
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
  // but the answer for the rest does not wait for it. Once the file is there, the query is searched again (if it is
  // still the query), so what the page ends up showing does not depend on how fast the file came: a site word
  // ("nl") is searched, a little word ("op") is named among those that do not count. Returns that held word (the
  // results list says it waits for it: data-wacht), or "".
  async function prepare(query, typing) {
    if (!vocab) return "";
    let all = tokens(query);
    const last = all[all.length - 1];
    let held = "";
    if (typing && last && last.length < 3 && !/\d/.test(last) && !vocab.letterLoaded.has(last[0])) {
      all = all.slice(0, -1);
      const loading = loadLetter(last[0]);
      if (loading) {
        held = last;
        loading.then(() => { if (input.value.trim() === query) search(); });
      }
    }
    await Promise.all([...new Set(all.map((w) => w[0]))].map(loadLetter));
    const onlyStop = all.every((w) => vocab.stop.has(w));
    const lacking = all.filter((w) => !(!onlyStop && vocab.stop.has(w)) && !synonymsOf(w) && !known(w));
    if (!lacking.length) return held;
    await loadWholeList(); // loaded once
    // the parts of such a word may have other words in Begrippen: their letters' files have them (understand)
    const parts = lacking.flatMap((w) => splitCompound(w) || [madeFrom(w) || partOf(w)]).filter(Boolean);
    await Promise.all([...new Set(parts.map((part) => part[0]))].map(loadLetter));
    return held;
  }

  function synonymsOf(word) { // Begrippen has the form without ending: "ambtenaren" is "ambtenaar" there
    for (const s of stems(word)) {
      const short = s !== word && /([aeou])([^aeiou])$/.exec(s);
      for (const form of short ? [s, s.slice(0, -1) + short[1] + short[2]] : [s]) if (vocab.synonyms[form]) return vocab.synonyms[form];
    }
    return null;
  }

  // A compound the site does not have as one word, in parts the site does have ("praktijkvoorbeelden").
  function splitCompound(word) {
    const parts = splitTable(word).get(word.length);
    // "betrokkenheid" is not "betrokken" and "heid": an ending that makes a new word from it (partOf)
    return parts && parts.length > 1 && !ENDING_PART.test(parts[parts.length - 1]) ? parts : null;
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
          const core = withAccents(link ? piece.slice(0, -link.length) : piece); // "zorgcoordinator": "coördinator"
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

  // An adjective or noun made from a site word with a Dutch ending is about that word: "ongemakkelijk" ->
  // "ongemak" (not the longer "makkelijk" at its end, which means the opposite), "duidelijkheid" -> "duidelijk" (not
  // the typo-like "onduidelijkheid"), "betrokkenheid" -> "betrokken". The site word, or null.
  const MAKING_ENDINGS = "elijk|lijk|heid|baar|isch|ig";
  const DERIVATIONS = new RegExp("(?:" + MAKING_ENDINGS + ")$");
  const ENDING_PART = new RegExp("^(?:" + MAKING_ENDINGS + ")$"); // such an ending as a "part" of a compound (splitCompound)
  function madeFrom(word) {
    const base = word.replace(DERIVATIONS, "");
    if (base === word || base.length < 5) return null;
    const undoubled = /([bdfgklmnprst])\1$/.test(base) ? base.slice(0, -1) : null; // "ongemakk" -> "ongemak"
    return siteForm(base) || (undoubled && siteForm(undoubled)) || null;
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
      if (d > 1 && candidate[0] !== word[0]) continue; // two changes and another first letter: another word ("gesloten" is not "sloten")
      if (d < bestDistance) { best = candidate; bestDistance = d; }
    }
    return best;
  }

  // The longest phrase from the Begrippen page starting at word i ("stand van zaken"), also with a typo in a word of it
  // ("stand van zakne", "good practise": the typo alone would be corrected, but the phrase lost): { n: its length in
  // words, key: the phrase, q: the words searched, fixed: [typed, corrected] pairs } or null.
  function phraseAt(words, i) {
    const at = (list) => {
      for (let n = Math.min(4, list.length - i); n >= 2; n--) {
        const head = list.slice(i, i + n - 1).join(" ");
        for (const last of stems(list[i + n - 1])) if (vocab.synonyms[head + " " + last]) return [n, head + " " + last];
      }
      return null;
    };
    const spelled = words.map((w, j) => (j < i || j > i + 3 || vocab.stop.has(w) || known(w) || synonymsOf(w) ? w : correction(w, 1) || w));
    const exact = at(words);
    const found = exact || at(spelled);
    if (!found) return null;
    const [n, key] = found;
    const used = exact ? words : spelled;
    const fixed = words.slice(i, i + n).map((w, j) => [w, used[i + j]]).filter(([w, s]) => w !== s);
    return { n, key, q: used.slice(i, i + n).join(" "), fixed };
  }
