// A part of zoeken.js: the parts in docs/assets/zoeken/ are joined in name order into that one file when the site is
// built (one scope for all). This part: a query as terms with what to search for each (understand), and the search of
// each term with Pagefind, merged into one ranking (searchPlan).
  // The query as terms, each with the strings to search for it (any of them may match). `typing`: the last word
  // may still be unfinished (the field changed, no space after it, no Enter).
  // Dutch writes a compound as one word; a reader may write it in two ("leer tafel", "praktijk voorbeelden"). Two
  // words of three letters or more that are one site word (or an "ook wel" word of Begrippen) when joined are that
  // word. A second word still being typed must be a site word already, or the start of none (a typo): "leer t" is
  // not "leert".
  function joinedAt(all, i, typing) {
    const [a, b] = [all[i], all[i + 1]];
    if (!b || a.length < 3 || b.length < 3) return null;
    if (typing && i + 1 === all.length - 1 && !siteForm(b) && startsSiteWord(b)) return null; // "leer taf": wait
    if (vocab.stop.has(a) || vocab.stop.has(b) || /\d/.test(a + b)) return null;
    const one = (word) => siteForm(word) || (synonymsOf(word) ? word : null);
    // with a typo in one of the two ("praktjik voorbeelden"), the corrected word joined
    const fixed = (word) => (siteForm(word) || startsSiteWord(word) ? word : correction(word, 1));
    return one(a + b) || (fixed(a) && fixed(b) ? one(fixed(a) + fixed(b)) : null);
  }

  // "welke leertafels zijn er", "alle praktijken": a question for a list. The overview page whose title names what
  // is asked for ("Tafels" for "leertafels") comes first (run); only for a question about one thing.
  // "overzicht goede praktijken", "lijst van tafels": the word that asks for a list is part of the question (asked).
  const LIST_ASKED = /^\s*welke\b.*\b(?:zijn|is|bestaan)\s+er\b|\balle\b|\boverzicht\b|\blijst\s+(?:van|met)\b/i;
  const LIST_WORDS = new Set(["overzicht", "lijst"]);
  async function overviewFor(plan, filters) {
    const about = plan.terms.filter((term) => !term.asked);
    if (!plan.list || about.length !== 1 || filters.soort) return null;
    const asked = stems(about[0].alts[0].q).pop();
    const found = await pagefindSearch(about[0].alts[0].q, Object.assign({}, filters, { soort: { any: ["overzicht"] } }));
    const top = found.results[0];
    if (!top) return null;
    const title = tokens(((await top.data()).meta || {}).title || "");
    return title.some((t) => { const root = stems(t).pop(); return root.length >= 4 && (asked.includes(root) || root.startsWith(asked)); }) ? top : null;
  }

  // A part of a word the site does not have, with its other words from Begrippen: "gemeenteambtenaar" has the part
  // "ambtenaar", which Begrippen has in "beleidsambtenaar" (searchwords.py: with_tails), a Beleidsmaker.
  function partTerm(plan, part) {
    const others = synonymsOf(part);
    const term = { word: part, alts: [...withForms(part), ...(others || []).map((q) => ({ q, w: 1, extra: true, other: true }))] };
    if (others && !plan.synonyms.some(([word]) => word === part)) plan.synonyms.push([part, others, term]); // said once
    return term;
  }

  // The longest site word (5 letters or more) that an unknown word starts or ends with: "crisisopvang" -> "crisis",
  // also in another form the site has ("logeerzorg" -> "logeer" -> "logeren"). Shorter parts ("zorg" in
  // "logeerzorg") are mostly common words that would only bring noise. So is a word on nearly every page: most
  // words that end in "leren" are no compound of it ("installeren", "signaleren", "stimuleren"), and searching
  // "leren" on a site about learning finds every page; such a word is better said to be missing.
  function longestPart(word) {
    const telling = (part) => (part && !vocab.everywhere.has(part) ? part : null);
    let best = null, length = 0;
    // Each part as the site writes it, accents included: "zorgcoordinator" has the part "coördinator".
    for (let i = word.length - 1; i >= 5 && !best; i--) if ((best = telling(siteForm(withAccents(word.slice(0, i)))))) length = i;
    for (let i = 3; i <= word.length - 5; i++) { // a start of one or two letters is a prefix: "gesloten" is not "sloten"
      const tail = withAccents(word.slice(i));
      if (vocab.set.has(tail)) {
        if (telling(tail) && (!best || word.length - i > length)) best = tail;
        break;
      }
    }
    return best;
  }

  // The part of an unknown word that is searched: the longest part, or when there is none, its first four letters
  // when they are a site word ("taakverdeling" -> "taak") that does not find half of the pages or more
  // (searchcommon.py: vaak, overal) and is no little word: better a few pages about a part than an empty page.
  function partOf(word) {
    const start = word.length >= 9 ? siteForm(word.slice(0, 4)) : null;
    return longestPart(word) ||
      (start && !vocab.often.has(start) && !vocab.everywhere.has(start) && !vocab.stop.has(start) ? start : null);
  }

  // A Latin plural is its singular when the site has that, or knows it as a part or in Begrippen: "dagcentra" is
  // "dagcentrum", "criteria" "criterium". (The site may say "centra" too: the whole word is then still what counts.)
  function latinSingular(word) {
    if (word.length < 6 || !/[^aeiou]a$/.test(word) || siteForm(word) || synonymsOf(word)) return word;
    const singular = word.slice(0, -1) + "um";
    return siteForm(singular) || synonymsOf(singular) || longestPart(singular) ? singular : word;
  }

  function understand(query, typing) {
    const all = tokens(query);
    const plan = { terms: [], dropped: [], corrected: [], synonyms: [], unknown: [], split: [], partial: [], waiting: null,
                   waitingFor: null, everywhere: [], asked: [], parts: [], joined: [], singular: [],
                   list: LIST_ASKED.test(query) };
    if (!vocab) { plan.terms = all.map((w) => ({ word: w, alts: [{ q: w, w: 1 }] })); return plan; }
    const onlyStop = all.every((w) => vocab.stop.has(w));
    for (let i = 0; i < all.length; i++) {
      const joined = joinedAt(all, i, typing);
      if (joined) { // "leer tafel": the site writes it as one word
        plan.joined.push([all[i] + " " + all[i + 1], joined]);
        all.splice(i, 2, joined);
      }
      const phrase = phraseAt(all, i);
      if (phrase) { // a phrase from the Begrippen page is one term
        const { n, key, q, fixed } = phrase;
        plan.corrected.push(...fixed); // "stand van zakne": "Bedoel je zaken?"
        plan.terms.push({ word: key, alts: [{ q, w: 1 }, ...vocab.synonyms[key].map((q) => ({ q, w: 1, extra: true, other: true }))] });
        plan.synonyms.push([key, vocab.synonyms[key], plan.terms[plan.terms.length - 1]]);
        i += n - 1;
        continue;
      }
      const word = latinSingular(withAccents(all[i])); // "coordinator" is "coördinator" on the site
      if (word !== withAccents(all[i])) plan.singular.push([all[i], word]); // "dagcentra": said under the field
      if (!onlyStop && vocab.stop.has(word)) { plan.dropped.push(word); continue; }
      const others = synonymsOf(word);
      if (others) {
        const own = known(word);
        const alts = others.map((q) => ({ q, w: 1, extra: !!own, other: true })); // the word's own results decide (searchPlan)
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
        const near = derived(word)[0] || correction(word, 1); // "reflecteren": the site says "reflectie"
        // A word of its own ("leerkracht", a teacher) is not its parts ("leer", "kracht"), unless its last part is
        // a concept of Begrippen: then it is a kind of that (searchwhole.py).
        const whole = vocab.whole.has(word);
        const cut = near ? null : splitCompound(word);
        const parts = cut && (!whole || synonymsOf(cut[cut.length - 1])) ? cut : null;
        const from = near || parts ? null : madeFrom(word);
        const fixed = near || (parts || from ? null : correction(word, 2));
        let piece = from;
        if (parts) {
          plan.split.push([word, parts]);
          // A Dutch compound is a kind of its last part: when Begrippen defines that part, the compound is that
          // concept ("jeugdprofessional" is a Professional). The other parts are then searched, but a page or a
          // title need not say them (searchPlan, titleFirst). Else each part counts ("volwassenenzorg": "zorg" is
          // everywhere, "volwassenen" is what it is about).
          const terms = parts.map((part) => partTerm(plan, part));
          const concept = terms[terms.length - 1].alts.some((alt) => alt.extra);
          terms.forEach((term, n) => plan.terms.push(Object.assign(term, { modifier: concept && n < terms.length - 1 })));
        } else if (fixed) {
          plan.corrected.push([word, fixed]);
          plan.terms.push({ word: fixed, alts: [{ q: fixed, w: 1 }] });
        } else if (piece || (!whole && (piece = partOf(word)))) { // a compound of which only one part is on the site: that part, and we say so
          plan.partial.push([word, piece]);
          plan.terms.push(partTerm(plan, piece));
        } else {
          plan.unknown.push(word);
          plan.terms.push({ word, alts: [] }); // nothing on the site: better no result than a random prefix
        }
      }
    }
    // one or two letters match almost every word of the site while they are being typed: wait for a third. In a
    // finished query such a word is meant as it is ("VT", "MT"): when the site lacks it, the page says so.
    plan.terms = plan.terms.filter((term) => {
      if (term.word.length > 2 || /\d/.test(term.word) || vocab.set.has(term.word)) return true;
      if (typing || !term.alts.length || vocab.stop.has(term.word)) return false;
      plan.unknown.push(term.word);
      term.alts = [];
      return true;
    });
    // A word on nine pages in ten or more ("leren" on a site about learning) tells nothing next to rarer words:
    // it counts as little as a stop word, unless the query has nothing else the site has ("budget voor leren").
    if (plan.terms.some((term) => !term.everywhere && term.alts.length)) {
      plan.everywhere = plan.terms.filter((term) => term.everywhere).map((term) => term.alts[0].q);
      plan.terms = plan.terms.filter((term) => !term.everywhere);
    }
    // "hoe zorg ik voor draagvlak", "hoe organiseer je reflectie", "wie zitten er aan een thematafel": the verb of a
    // question says what the reader wants to do, the other words what about. A page without the verb is not held
    // back (searchPlan); with it, it scores a little higher.
    const verb = QUESTION_WORDS.has(all[0]) && all.length > 3 && AFTER_VERB.has(all[2]) ? all[1] : null;
    const asked = plan.terms.filter((term) => term.word === verb);
    if (asked.length && asked.length < plan.terms.length) {
      for (const term of asked) term.asked = true;
      plan.asked = [verb];
    }
    // "overzicht" in "overzicht goede praktijken" asks for the list (said under the field): not searched for its
    // other words from Begrippen (het landschap, dashboard), and not said again as a word of the question.
    const listWords = plan.list ? plan.terms.filter((term) => LIST_WORDS.has(term.word)) : [];
    if (listWords.length && listWords.length < plan.terms.length) {
      for (const term of listWords) {
        term.asked = true;
        term.alts = term.alts.filter((alt) => !alt.extra);
      }
      plan.synonyms = plan.synonyms.filter(([word]) => !LIST_WORDS.has(word));
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
    const perTerm = await Promise.all(plan.terms.map(async (term) => {
      const scores = new Map();
      let own = 0; // on how many pages (filters aside) the word itself is
      for (const alt of term.alts) {
        if (stale()) return null; // a newer query came in: do not search on for this one
        if (alt.extra && own * COMMON >= pages) { alt.skipped = true; continue; }
        if (alt.fallback && scores.size) { alt.skipped = true; continue; } // the start of the word found pages itself
        if (alt.other) await otherForms(term, alt);
        const found = ownWord(alt.q, await pagefindSearch(alt.q, filters));
        // words of another word of several words ("raad van bestuur") may stand apart on a page: they count less
        const w = term.alts.length > 1 && alt.q.includes(" ") && !alt.part ? alt.w * APART_W : alt.w;
        if (!alt.extra && !alt.part) own = Math.max(own, found.unfilteredResultCount || 0);
        const top = found.results.length ? found.results[0].score || 1 : 1;
        for (const result of found.results) {
          const seen = scores.get(result.id) || { value: 0, result };
          seen.value += w * (result.score || 1) / top;
          scores.set(result.id, seen);
        }
        if (term.compound && !vocab.whole.has(term.compound) && !alt.part && alt === term.alts[term.alts.length - 1] &&
            own <= RARE && !stale()) {
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
        const entry = merged.get(id) || { id, hits: 0, words: 0, score: 0, best: null, rarity: -1 };
        if (!plan.terms[t].asked) entry.words += 1; // for the count of pages with all words (what the status says)
        if (!plan.terms[t].asked && !plan.terms[t].modifier) entry.hits += 1;
        entry.score += value * rarity;
        if (rarity > entry.rarity) { entry.rarity = rarity; entry.best = result; }
        merged.set(id, entry);
      }
    });
    const n = plan.terms.filter((term) => !term.asked && !term.modifier).length;
    for (const entry of merged.values()) entry.rank = entry.score * Math.pow(entry.hits / n, COVERAGE);
    const list = [...merged.values()].sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : 1));
    const words = plan.terms.filter((term) => !term.asked).length;
    return { list, full: list.filter((entry) => entry.words === words).length };
  }

  // The counts per filter value are exact when one string found every page of a one-word query: the word alone, or
  // with other forms that find no page it does not ("monitoren" finds what "monitoring" finds). Its answer, or null.
  // Every string was searched already (pagefindSearch keeps the answers).
  async function exactBase(plan, filters) {
    const searched = plan.terms.length === 1 ? plan.terms[0].alts.filter((alt) => !alt.skipped) : [];
    // Pagefind's counts would also count the pages ownWord leaves out ("begeleiding": those with only "beleid")
    if (!searched.length || searched.some((alt) => vocab && vocab.apart[alt.q])) return null;
    if (searched.length === 1) return pagefindSearch(searched[0].q, filters); // nothing to compare it with
    const answers = await Promise.all(searched.map((alt) => pagefindSearch(alt.q, filters)));
    const ids = new Set(answers[0].results.map((result) => result.id));
    return answers.slice(1).every((answer) => answer.results.every((result) => ids.has(result.id))) ? answers[0] : null;
  }
