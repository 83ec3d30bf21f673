// A part of zoeken.js: the parts in docs/assets/zoeken/ are joined in name order into that one file when the site is
// built (one scope for all). This part: the results on the page: marked words, excerpts, a begrip first, titles
// first, and the lines that explain what was searched.

  // ---- Results -------------------------------------------------------------------------------------

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

  // The excerpt, as plain text (nothing can slip in), cut from the words a reader sees on the page. A page's
  // indexed text ends with words that are found but never shown (the parts of its compounds, words of its address:
  // searchdocs.py); its meta "verborgen" says how many. Pagefind's own excerpt would show them when a real match
  // sits near the end, so the excerpt is made here the way Pagefind makes it (calculate_excerpt_region,
  // build_excerpt): the window of EXCERPT_WORDS words with the most of the matches, but only from the words before
  // the hidden ones, around the matches among them. When every match is hidden, the start of the page is shown.
  // A page's text starts with its title, which the result shows above the excerpt already: the excerpt starts
  // after it, so a phone's two lines show what the page says (titleLength). A page with less to say than an
  // excerpt holds (a reflection question: its title and its bouwsteen) keeps its title in the excerpt.
  const EXCERPT_WORDS = 30; // Pagefind's excerptLength
  const SAME_SHOWN = 80; // letters of an "Ook gezocht op" line shown as it is (two lines on a phone); a longer one folds

  // How many words at the start of `words` are the result's title (Pagefind ends a heading with "." when it has
  // no mark of its own); 0 when the text does not start with it, or when fewer than EXCERPT_WORDS shown words follow.
  function titleLength(data, words, shown) {
    const title = ((data.meta && data.meta.title) || "").split(/[\r\n\s]+/g).filter(Boolean);
    if (!title.length || shown - title.length < EXCERPT_WORDS) return 0;
    const last = title.length - 1;
    const same = title.every((word, i) => words[i] === word || (i === last && words[i] === word + "."));
    return same ? title.length : 0;
  }

  function excerptText(data) {
    const words = (data.content || "").split(/[\r\n\s]+/g); // as Pagefind splits it: its word numbers count these
    if (words.length && !words[words.length - 1]) words.pop(); // text ending in a space: no word after it
    const shown = Math.max(0, words.length - (Number((data.meta && data.meta.verborgen) || 0) || 0));
    const first = titleLength(data, words, shown);
    const score = new Map();
    for (const l of data.weighted_locations || []) {
      if (l.location >= first && l.location < shown) {
        score.set(l.location, (score.get(l.location) || 0) + (l.balanced_score || 1));
      }
    }
    let start = first;
    if (score.size) {
      const places = [...score.keys()].sort((a, b) => a - b);
      let best = -1;
      let span = 1;
      for (const first of places) { // the window starting at each match: the densest one wins, the first of equals
        const inside = places.filter((p) => p >= first && p < first + EXCERPT_WORDS);
        const sum = inside.reduce((total, p) => total + score.get(p), 0);
        if (sum > best) { best = sum; start = first; span = inside[inside.length - 1] - first + 1; }
      }
      start -= Math.floor((EXCERPT_WORDS - span) / 2); // the matches in the middle of the excerpt
    }
    start = Math.max(first, Math.min(start, shown - EXCERPT_WORDS));
    const end = Math.min(shown, start + EXCERPT_WORDS);
    const text = words.slice(start, end).join(" ").trim();
    return (start > first ? "\u2026 " : "") + text + (end < shown ? " \u2026" : "");
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
    const excerpt = marked(excerptText(data), marker, "p", "ll-resultaat__tekst");
    // The line above an item's title ("teamoverleg", "intervisiegroep · landelijk") is never in the excerpt. When only
    // that line holds the searched word, the result shows it after its kind, so the reader sees why the page was found.
    const about = data.meta && data.meta.kenmerk && marked(data.meta.kenmerk, marker, "span", "ll-kenmerk");
    if (about && about.querySelector("mark") && !excerpt.querySelector("mark") && !link.querySelector("mark")) {
      kind.append(document.createTextNode(" \u00b7 "), about);
    }
    item.append(link, document.createTextNode(" "), kind, excerpt);
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
  // the overview "Rollen" before a question that mentions roles; before them, a title with the whole query as
  // typed, little words included ("ruimte voor leren": the source of that name). The verb of a how-question says
  // what the reader wants to do, not what a title must say. Only what is loaded anyway is used.
  function titleFirst(shown, plan, query) {
    const terms = plan.terms.filter((term) => !term.asked && !term.modifier);
    if (!terms.length) return shown;
    // The whole query in a title ("ruimte voor leren"), or a title of three words or more in the query ("wie heeft
    // ruimte voor leren gemaakt"): that page is asked for by name.
    const phrase = " " + tokens(query).join(" ") + " ";
    const named = (data) => {
      const title = tokens((data.meta && data.meta.title) || "");
      const name = " " + title.join(" ") + " ";
      return (phrase.split(" ").length > 3 && name.includes(phrase)) || (title.length >= 3 && phrase.includes(name));
    };
    const hits = (data) => {
      const title = tokens((data.meta && data.meta.title) || "");
      return terms.filter((term) => term.alts.some((alt) => !alt.part && tokens(alt.q).every((w) => {
        const root = stems(w).pop();
        return title.some((t) => t.startsWith(root) || (root.length >= 5 && t.includes(root)));
      }))).length;
    };
    const all = (data) => (named(data) ? 2 : hits(data) === terms.length ? 1 : 0);
    // Among pages whose titles name what was asked, an invented example comes after the real ones
    // (searchdocs.EXAMPLE): readers look for real work. Elsewhere the order stays: an example may be the best answer.
    const example = (rank, data) => (rank && data.meta && data.meta.voorbeeld ? 1 : 0);
    const ranked = shown.map((data, i) => [all(data), i, data])
      .sort((a, b) => b[0] - a[0] || example(a[0], a[2]) - example(b[0], b[2]) || a[1] - b[1]);
    // Three of one kind on top (the tafels "Leertafel …") would hide another kind whose title names the word as well
    // ("Leertafel in drie stappen", a practice): the first such page comes third.
    const kind = ([, , data]) => (data.meta && data.meta.soortnaam) || "";
    if (ranked.length > 3 && ranked.slice(1, 3).every((r) => r[0] === ranked[0][0] && kind(r) === kind(ranked[0]))) {
      const other = ranked.findIndex((r, i) => i > 2 && r[0] === ranked[0][0] && kind(r) !== kind(ranked[0]));
      if (other > 0) ranked.splice(2, 0, ...ranked.splice(other, 1));
    }
    return ranked.map((x) => x[2]);
  }

  // Words in a sentence, the Dutch way: "“a”", "“a” en “b”", "“a”, “b” en “c”"; and the verb after them, which
  // agrees with how many there are ("“moreel” en “beraad” staan niet op de site").
  function quoted(list) {
    const words = list.map((w) => "\u201c" + w + "\u201d");
    return words.length > 1 ? words.slice(0, -1).join(", ") + " en " + words[words.length - 1] : words.join("");
  }
  function verb(list, one, more) { return list.length > 1 ? more : one; }

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
    for (const [typed, one] of plan.singular) lines.push("\u201c" + typed + "\u201d gezocht als enkelvoud: \u201c" + one + "\u201d.");
    for (const [words, word] of plan.joined) lines.push("\u201c" + words + "\u201d gezocht als \u00e9\u00e9n woord: \u201c" + word + "\u201d.");
    for (const [word, parts] of plan.split) lines.push("\u201c" + word + "\u201d gezocht als " + quoted(parts) + ".");
    for (const [word, part] of plan.partial) {
      // "crisisopvang": a part of it; "logeerzorg": the site's word for its first part ("logeren")
      const what = word.includes(part) ? "een deel ervan: " : "een woord dat erin zit: ";
      lines.push("\u201c" + word + "\u201d staat niet op de site; we zochten op " + what + "\u201c" + part + "\u201d.");
    }
    for (const [word, parts] of plan.parts) lines.push("\u201c" + word + "\u201d staat op weinig pagina\u2019s. We zochten ook op " + quoted(parts) + ".");
    for (const [word, others, term] of plan.synonyms) {
      if (term.alts.some((alt) => alt.skipped)) continue; // the word itself gave enough: its other words were not searched
      // "centrum": Begrippen has it only inside "kinderdagcentrum" (searchwords.py: with_tails)
      const inside = vocab.terms[plain(word)] ? [] : others.filter((other) => other !== word && other.endsWith(word));
      const line = "Ook gezocht op " + quoted(others) + (inside.length
        ? ": bij Begrippen staat " + quoted(inside) + ", met \u201c" + word + "\u201d erin."
        : " (zelfde betekenis als \u201c" + word + "\u201d).");
      lines.push(inside.length || line.length <= SAME_SHOWN ? line : folded(others, line));
    }
    if (plan.overview) lines.push("Je vraagt om een lijst: het overzicht staat bovenaan.");
    if (plan.dropped.length) lines.push("Kleine woorden zoals " + quoted([...new Set(plan.dropped)]) + " tellen niet mee."); // each once
    if (plan.asked.length) lines.push(quoted(plan.asked) + verb(plan.asked, " hoort bij je vraag en telt", " horen bij je vraag en tellen") + " minder mee.");
    if (plan.everywhere.length) {
      lines.push(quoted(plan.everywhere) + verb(plan.everywhere, " staat", " staan") + " op bijna elke pagina en " +
        verb(plan.everywhere, "telt", "tellen") + " daarom niet mee.");
    }
    if (plan.waiting) lines.push("\u201c" + plan.waiting + "\u201d zoeken we als je verder typt of even wacht.");
    if (plan.unknown.length) lines.push(quoted(plan.unknown) + verb(plan.unknown, " staat", " staan") + " niet op de site.");
    const block = (line) => line instanceof HTMLDetailsElement; // a line of its own already
    lines.forEach((line, i) => {
      if (i && !block(line) && !block(lines[i - 1])) help.append(document.createElement("br"));
      help.append(line);
    });
  }

  // A long list of other words (nine for "overleg") took four lines of a phone's first screen: the site's own word
  // stays in view, the whole line opens on a click.
  function folded(others, line) {
    const more = document.createElement("details");
    const summary = document.createElement("summary");
    const rest = others.length - 1;
    summary.textContent = "Ook gezocht op " + quoted(others.slice(0, 1)) + " en " + rest +
      (rest === 1 ? " ander woord" : " andere woorden") + " met dezelfde betekenis";
    const whole = document.createElement("span");
    whole.textContent = line;
    more.append(summary, whole);
    return more;
  }

