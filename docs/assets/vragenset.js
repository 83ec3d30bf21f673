// Compose your own question set: "add" buttons on every question, "Pas deze set aan" on every ready set, the
// "Mijn vragenset" page, and the role/thema filter of the set overview. The selection lives in this browser's
// localStorage and in a short link (shareable); nothing is sent anywhere.
//
// Several named sets are kept side by side (a bestuurder with two meetings): localStorage holds
// {actief: id, sets: [{id, titel, vragen, werkwijze}]} under SETS; every page works on the active one. A single set
// stored by an older version (KEY) becomes the first of the list, so nobody loses it.
//
// A set is {titel, vragen, werkwijze}: `vragen` holds question ids ("bouwsteen-id/vraag-id") and free-text
// questions without a page ("tekst:" + the text, the extra questions of a vragenset); `werkwijze` is the key of the
// vragenset whose way of working goes with the set ("vragenset/<id>"), or "".
//
// Short link: "mijn-vragenset/?" + tokens joined by ".", only letters, digits and - . _ ~ (which mail clients leave
// whole). The first token is the title; then per question its code from vragen.json (digits and lower-case
// letters, see leerlandschap/vragendata.py), "_" + code for an extra question of a vragenset, "-" + text for another
// free-text question, and "~" + the vragenset's code for its werkwijze. Text is written with "_" for a space and "~xx" (hex) per UTF-8 byte of anything that is not
// a letter, digit or "-". Old long links ("?v=id,id&titel=...") keep working.
(function () {
  "use strict";
  document.documentElement.classList.add("ll-js");
  const KEY = "leerlandschap.mijn-vragenset"; // the single set of older versions: read once, then moved to SETS
  const SETS = "leerlandschap.vragensets";
  const NOTE = "leerlandschap.mijn-vragenset.bericht"; // sessionStorage: a message for the next page
  const FREE = "tekst:";
  const baseMeta = document.querySelector('meta[name="ll-basis"]');
  const siteRoot = new URL(baseMeta ? baseMeta.content : "./", location.href);
  const ownPage = new URL("mijn-vragenset/", siteRoot).href;

  const isFree = (id) => id.startsWith(FREE);
  const freeText = (id) => id.slice(FREE.length);
  const unique = (ids) => ids.filter((id, index) => ids.indexOf(id) === index);
  const vragen = (n) => n + (n === 1 ? " vraag" : " vragen");
  const same = (a, b) => a.titel === b.titel && JSON.stringify(a.vragen) === JSON.stringify(b.vragen)
    && (a.werkwijze || "") === (b.werkwijze || "");
  const copy = (set) => ({ titel: set.titel, vragen: set.vragen.slice(), werkwijze: set.werkwijze || "" });

  const clean = (stored) => ({ titel: String(stored.titel || ""), vragen: stored.vragen.map(String), werkwijze: String(stored.werkwijze || "") });
  const newId = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

  // All own sets: {actief, sets}. Reading never writes; an old single set (KEY) appears as the first set.
  function readAll() {
    try {
      const stored = JSON.parse(localStorage.getItem(SETS));
      if (stored && Array.isArray(stored.sets)) {
        const sets = stored.sets.filter((s) => s && Array.isArray(s.vragen) && s.id).map((s) => ({ id: String(s.id), ...clean(s) }));
        const actief = sets.some((s) => s.id === stored.actief) ? String(stored.actief) : (sets[0] ? sets[0].id : "");
        return { actief, sets };
      }
      const old = JSON.parse(localStorage.getItem(KEY));
      if (old && Array.isArray(old.vragen)) return { actief: "oud", sets: [{ id: "oud", ...clean(old) }] };
    } catch (error) { /* storage off or damaged: start empty */ }
    return { actief: "", sets: [] };
  }

  function writeAll(all) {
    const value = { actief: all.actief, sets: all.sets.map((s) => {
      const entry = { id: s.id, titel: s.titel, vragen: s.vragen };
      if (s.werkwijze) entry.werkwijze = s.werkwijze;
      return entry;
    }) };
    try {
      localStorage.setItem(SETS, JSON.stringify(value));
      localStorage.removeItem(KEY); // moved into SETS for good
    } catch (error) { /* private mode: the link still holds the set */ }
  }

  // The active set (a copy), or an empty one.
  function readStored() {
    const all = readAll();
    const active = all.sets.find((s) => s.id === all.actief);
    return active ? copy(active) : { titel: "", vragen: [], werkwijze: "" };
  }

  // Save into the active set (the first set is made when there is none).
  function store(set) {
    const all = readAll();
    let active = all.sets.find((s) => s.id === all.actief);
    if (!active) {
      active = { id: newId() };
      all.sets.push(active);
      all.actief = active.id;
    }
    Object.assign(active, copy(set));
    writeAll(all);
  }

  // Keep a set beside the others and make it the active one.
  function storeNew(set) {
    const all = readAll();
    const id = newId();
    all.sets.push({ id, ...copy(set) });
    all.actief = id;
    writeAll(all);
    return id;
  }
  const isEmpty = (set) => !set.vragen.length && !set.titel && !set.werkwijze;

  let data = null;
  function loadData() {
    data = data || fetch(new URL("vragen.json", siteRoot)).then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    });
    return data;
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // One polite live region per page for short confirmations.
  const announcer = element("p", "", "ll-verborgen");
  announcer.setAttribute("role", "status");
  document.body.append(announcer);
  function announce(text) { announcer.textContent = text; }

  // Own set + the questions of another set that are not in it yet.
  // from: where the other set comes from, as in "Alle vragen uit de link stonden al in je eigen set."
  function combine(current, incoming, isKnown, from) {
    const mine = current.vragen.filter(isKnown);
    const added = incoming.vragen.filter((id) => !mine.includes(id));
    return { set: { titel: current.titel || incoming.titel, vragen: mine.concat(added), werkwijze: current.werkwijze || incoming.werkwijze || "" },
      message: added.length ? vragen(added.length) + " toegevoegd aan je eigen set. Er staan nu " + vragen(mine.length + added.length) + " in."
        : "Alle vragen " + from + " stonden al in je eigen set." };
  }

  // --- "Voeg toe" buttons -------------------------------------------------------------------
  function label(button) {
    const inSet = readStored().vragen.includes(button.dataset.vraag);
    button.textContent = inSet ? "Haal uit mijn vragenset" : "Voeg toe aan mijn vragenset";
    button.classList.toggle("ll-voegtoe--gekozen", inSet);
  }

  function count() {
    const size = readStored().vragen.length;
    for (const link of document.querySelectorAll(".ll-naar-mijnset")) {
      link.textContent = "Mijn vragenset" + (size ? " (" + vragen(size) + ")" : "");
    }
  }
  count();

  for (const button of document.querySelectorAll(".ll-voegtoe[data-vraag]")) {
    label(button);
    button.addEventListener("click", () => {
      const set = readStored();
      const id = button.dataset.vraag;
      const position = set.vragen.indexOf(id);
      if (position === -1) set.vragen.push(id); else set.vragen.splice(position, 1);
      store(set);
      document.querySelectorAll(".ll-voegtoe[data-vraag]").forEach(label);
      count();
      announce((position === -1 ? "Toegevoegd aan" : "Weggehaald uit") + " mijn vragenset. Er staan nu "
        + vragen(set.vragen.length) + " in.");
    });
  }

  // --- "Pas deze set aan": take a ready set over whole into "Mijn vragenset" ------------------------------
  // On a set's own page the set is read from the page (its questions, extra questions and title; the werkwijze
  // by its key); on the set overview from vragen.json. It is kept as a new set beside the visitor's other sets
  // (an empty active set is used instead; a set taken over before is opened again), so nothing is ever lost.
  function takeOver(incoming) {
    const all = readAll();
    const current = readStored();
    const earlier = all.sets.find((s) => same(s, incoming));
    let text = "Je hebt de set \u201c" + incoming.titel + "\u201d overgenomen. Pas hem hier aan.";
    if (earlier) {
      all.actief = earlier.id;
      writeAll(all);
      text = "Je had de set \u201c" + incoming.titel + "\u201d al overgenomen. Hier is hij weer.";
    } else if (isEmpty(current)) {
      store(incoming);
    } else {
      storeNew(incoming);
      text += " Je andere sets staan er ook nog, onder Mijn sets.";
    }
    try { sessionStorage.setItem(NOTE, JSON.stringify({ tekst: text })); } catch (error) { /* no message then */ }
    location.href = ownPage;
  }

  for (const tools of document.querySelectorAll(".ll-settools")) {
    const button = tools.querySelector(".ll-pasaan");
    if (!button) continue;
    button.addEventListener("click", () => {
      const scope = tools.closest("article") || document;
      const items = [...scope.querySelectorAll(".ll-set .ll-setvraag")];
      const ids = items.map((item) => item.dataset.vraag || FREE + item.querySelector(".ll-vraagtekst").textContent.trim());
      takeOver({ titel: tools.dataset.titel || document.title, vragen: unique(ids), werkwijze: tools.dataset.werkwijze || "" });
    });
  }

  for (const button of document.querySelectorAll(".ll-setlijst .ll-pasaan[data-set]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      loadData().then((found) => {
        const ready = found.sets[button.dataset.set];
        if (!ready) throw new Error("unknown set");
        takeOver({ titel: ready.titel, vragen: ready.vragen.slice(), werkwijze: ready.werkwijze ? button.dataset.set : "" });
      }).catch(() => announce("Deze set kon niet worden geladen. Laad de pagina opnieuw."));
    });
  }

  // --- The set overview: filter by role and thema ------------------------------------------
  const filter = document.querySelector(".ll-setfilter");
  if (filter) {
    filter.hidden = false;
    const rol = filter.querySelector("#ll-setfilter-rol");
    const thema = filter.querySelector("#ll-setfilter-thema");
    const status = filter.querySelector(".ll-setfilter-status");
    const apply = () => {
      let shown = 0;
      for (const item of document.querySelectorAll(".ll-setlijst > li")) {
        const fits = (!rol.value || item.dataset.rollen.split("|").includes(rol.value))
          && (!thema.value || item.dataset.themas.split("|").includes(thema.value));
        item.hidden = !fits;
        shown += fits ? 1 : 0;
      }
      for (const group of document.querySelectorAll(".ll-setgroep")) {
        group.hidden = !group.querySelector(".ll-setlijst > li:not([hidden])");
      }
      status.textContent = rol.value || thema.value ? shown + (shown === 1 ? " set past" : " sets passen") + " bij je keuze." : "";
    };
    rol.addEventListener("change", apply);
    thema.addEventListener("change", apply);
  }

  // --- The "Mijn vragenset" page --------------------------------------------------------------
  // Without a link the page shows the visitor's own set (localStorage) and saves every change.
  // With a link ("?code" or an old "?v=") it shows the set from that link, read-only: opening a link never changes
  // the visitor's own set; only "Bewaar als mijn set" or "Voeg toe aan mijn set" do (after a confirmation if work
  // would be lost).
  const page = document.getElementById("ll-mijnset");
  if (!page) return;
  const list = page.querySelector("#ll-mijnset-lijst");
  const titleInput = page.querySelector("#ll-mijnset-titel");
  const notice = page.querySelector("#ll-mijnset-melding");
  const empty = page.querySelector("#ll-mijnset-leeg");
  const shareInput = page.querySelector("#ll-mijnset-link");
  const tools = page.querySelector(".ll-settools");
  const clearButton = page.querySelector("#ll-mijnset-leegmaken");
  const copyButton = page.querySelector("#ll-mijnset-kopieer");
  const copied = page.querySelector("#ll-mijnset-gekopieerd");
  const printHeading = page.querySelector("#ll-mijnset-printkop");
  const message = page.querySelector("#ll-mijnset-bericht");
  const messageText = page.querySelector("#ll-mijnset-bericht-tekst");
  const undoButton = page.querySelector("#ll-mijnset-ongedaan");
  const method = page.querySelector("#ll-mijnset-werkwijze");
  const methodText = page.querySelector("#ll-mijnset-werkwijze-tekst");
  const methodSource = page.querySelector("#ll-mijnset-werkwijze-bron");
  const methodRemove = page.querySelector("#ll-mijnset-werkwijze-weg");
  const methodExample = page.querySelector("#ll-mijnset-werkwijze-voorbeeld");
  const setsBox = page.querySelector("#ll-mijnsets");
  const setsList = page.querySelector("#ll-mijnsets-lijst");
  const newSetButton = page.querySelector("#ll-mijnsets-nieuw");
  const finder = page.querySelector("#ll-mijnset-zoek");
  const finderInput = page.querySelector("#ll-mijnset-zoekveld");
  const finderBouwsteen = page.querySelector("#ll-mijnset-bouwsteen");
  const finderStatus = page.querySelector("#ll-mijnset-zoekstatus");
  const finderList = page.querySelector("#ll-mijnset-gevonden");

  // --- Text in a link: letters, digits and "-" as they are, "_" for a space, "~xx" per other UTF-8 byte.
  const encoder = new TextEncoder();
  function encodeText(text) {
    let out = "";
    for (const character of text) {
      if (/^[A-Za-z0-9-]$/.test(character)) out += character;
      else if (character === " ") out += "_";
      else for (const byte of encoder.encode(character)) out += "~" + byte.toString(16).padStart(2, "0");
    }
    return out;
  }
  function decodeText(code) {
    const bytes = [];
    for (let i = 0; i < code.length; i += 1) {
      const hex = code.slice(i + 1, i + 3);
      if (code[i] === "~" && /^[0-9a-fA-F]{2}$/.test(hex)) { bytes.push(parseInt(hex, 16)); i += 2; }
      else if (code[i] === "_") bytes.push(32);
      else bytes.push(...encoder.encode(code[i]));
    }
    return new TextDecoder().decode(new Uint8Array(bytes)).trim();
  }

  let known = {};
  let sets = {};
  let extras = {}; // code -> free-text id of a vragenset's extra question
  const extraCodes = {}; // free-text id -> code
  let ready = false; // vragen.json is read: codes, texts and werkwijzen are known
  const isKnown = (id) => isFree(id) || id in known;

  // What the address holds: null (the own set), {oud} (an old "?v=" link) or {kort} (a short link).
  const params = new URLSearchParams(location.search);
  // Some mail programs write "~" as "%7E": such escapes of safe characters are read back as the character.
  const short = location.search.slice(1).split("&")[0].replace(/%([0-9a-fA-F]{2})/g, (escape, hex) => {
    const character = String.fromCharCode(parseInt(hex, 16));
    return /^[A-Za-z0-9._~-]$/.test(character) ? character : escape;
  });
  const link = params.has("v") ? { oud: true, titel: params.get("titel") || "", vragen: unique((params.get("v") || "").split(",").filter(Boolean)) }
    : short && !short.includes("=") ? { kort: short.split("."), titel: decodeText(short.split(".")[0]) } : null;

  // A short link as a set, and the tokens nobody knows.
  function fromShort(tokens) {
    const byCode = {};
    for (const [id, vraag] of Object.entries(known)) byCode[vraag.code] = id;
    const setByCode = {};
    for (const [key, entry] of Object.entries(sets)) if (entry.code) setByCode[entry.code] = key;
    const out = { titel: decodeText(tokens[0]), vragen: [], werkwijze: "" };
    const unknown = [];
    for (const token of tokens.slice(1)) {
      if (!token) continue;
      if (token[0] === "-") out.vragen.push(FREE + decodeText(token.slice(1)));
      else if (token[0] === "_" && extras[token.slice(1).toLowerCase()]) out.vragen.push(extras[token.slice(1).toLowerCase()]);
      else if (token[0] === "~") out.werkwijze = setByCode[token.slice(1).toLowerCase()] || "";
      else if (byCode[token.toLowerCase()]) out.vragen.push(byCode[token.toLowerCase()]);
      else unknown.push(token);
    }
    out.vragen = unique(out.vragen);
    return { set: out, unknown };
  }

  function linkCode(s) {
    const tokens = [encodeText(s.titel)];
    for (const id of s.vragen) {
      if (extraCodes[id]) tokens.push("_" + extraCodes[id]);
      else if (isFree(id)) tokens.push("-" + encodeText(freeText(id)));
      else if (known[id]) tokens.push(known[id].code);
    }
    if (s.werkwijze && sets[s.werkwijze] && sets[s.werkwijze].code) tokens.push("~" + sets[s.werkwijze].code);
    return tokens.join(".");
  }

  let set = link ? { titel: link.titel, vragen: link.oud ? link.vragen : [], werkwijze: "" } : readStored();
  let shared = Boolean(link); // decided for good once vragen.json is read
  let undo = null; // the set before the last removal, while "Ongedaan maken" is shown
  let copiedTimer = null;

  function shareUrl() {
    const base = location.origin + location.pathname;
    return set.vragen.length || set.titel ? base + "?" + linkCode(set) : base;
  }

  function showSet() {
    const titel = set.titel || (shared ? "Gedeelde vragenset" : "Mijn vragenset");
    tools.dataset.titel = titel; // title in meeting mode
    printHeading.textContent = titel; // heading on paper
    shareInput.value = ready ? shareUrl() : "";
  }

  function showMode() {
    titleInput.value = set.titel;
    titleInput.readOnly = shared;
    titleInput.placeholder = shared ? "Deze set heeft geen titel" : "Bijvoorbeeld: Bestuurlijk overleg 12 maart";
    if (clearButton) clearButton.hidden = shared;
    empty.textContent = shared ? "Er staan geen vragen in deze gedeelde set." : "Je vragenset is nog leeg.";
    showSet();
    showMethod();
  }

  function save() {
    if (shared) return; // a shared set is never stored without a click on one of its buttons
    store(set);
    if (ready) history.replaceState(null, "", shareUrl());
    showSet();
    showSets();
    showFound();
  }

  // The werkwijze of the vragenset the set came from, with a link to that set.
  function showMethod() {
    const from = set.werkwijze && sets[set.werkwijze];
    method.hidden = !(from && from.werkwijze);
    if (method.hidden) return;
    const setUrl = new URL(from.url, siteRoot);
    const parsed = new DOMParser().parseFromString(from.werkwijze, "text/html"); // sanitised at build time (nh3)
    for (const anchor of parsed.querySelectorAll("a[href]")) anchor.href = new URL(anchor.getAttribute("href"), setUrl).href;
    methodText.replaceChildren(...parsed.body.childNodes);
    methodExample.hidden = !from.werkwijze_voorbeeld;
    methodSource.href = setUrl.href;
    methodSource.textContent = from.titel;
    methodRemove.hidden = shared;
  }

  function button(text, aria, action) {
    const node = element("button", text, "ll-knop ll-knop--klein");
    node.type = "button";
    node.setAttribute("aria-label", aria);
    node.addEventListener("click", action);
    return node;
  }

  function focusItem(index, className) {
    const item = list.children[Math.min(index, list.children.length - 1)];
    if (!item) { titleInput.focus(); return; }
    const preferred = className ? item.querySelector("." + className) : null;
    (preferred && !preferred.disabled ? preferred : item.querySelector("a, button:not([disabled])")).focus();
  }

  function move(index, step, focusClass) {
    const target = index + step;
    if (target < 0 || target >= set.vragen.length) return;
    [set.vragen[index], set.vragen[target]] = [set.vragen[target], set.vragen[index]];
    hideMessage();
    save();
    render();
    focusItem(target, focusClass);
    announce("Vraag staat nu op plaats " + (target + 1) + " van " + set.vragen.length + ".");
  }

  // A visible message above the list, with "Ongedaan maken" when `before` is given.
  // `before` is the set to go back to, or a function that undoes something else (deleting a whole set).
  function showMessage(text, before) {
    undo = typeof before === "function" ? before : before ? copy(before) : null;
    messageText.textContent = text;
    undoButton.hidden = !undo;
    message.hidden = false;
  }
  function hideMessage() {
    message.hidden = true;
    undo = null;
  }

  // Something is gone (a question, the werkwijze, everything): say so, and offer to undo it.
  function removed(before, text, spoken) {
    save();
    render();
    showMethod();
    showMessage(text, before);
    undoButton.focus();
    announce(spoken);
  }

  function remove(index) {
    const before = copy(set);
    const id = set.vragen[index];
    const text = isFree(id) ? freeText(id) : known[id].vraag;
    set.vragen.splice(index, 1);
    removed(before, "Vraag weggehaald: \u201c" + text + "\u201d.", "Vraag weggehaald. Er staan nu " + vragen(set.vragen.length)
      + " in je set. Met de knop Ongedaan maken zet je de vraag terug.");
  }

  function render() {
    list.replaceChildren();
    set.vragen.forEach((id, index) => {
      const vraag = isFree(id) ? null : known[id];
      const item = element("li", "", "ll-setvraag");
      item.dataset.vraag = id;
      item.dataset.bouwsteen = vraag ? vraag.bouwsteen : "";
      let text;
      if (vraag) {
        text = element("a", vraag.vraag, "ll-vraagtekst");
        text.href = new URL(vraag.url, siteRoot).href;
      } else {
        text = element("span", freeText(id), "ll-vraagtekst");
      }
      // The bouwsteen is the question's context on screen and on paper; "Extra vraag" is for the screen only.
      const meta = element("span", vraag ? " Bij " + vraag.bouwsteen + " " : " Extra vraag ", vraag ? "ll-meta" : "ll-meta ll-scherm");
      item.append(text, meta);
      if (!shared) {
        const number = index + 1;
        const up = button("Omhoog", "Omhoog: vraag " + number, () => move(index, -1, "ll-omhoog"));
        up.classList.add("ll-omhoog");
        up.disabled = index === 0;
        const down = button("Omlaag", "Omlaag: vraag " + number, () => move(index, 1, "ll-omlaag"));
        down.classList.add("ll-omlaag");
        down.disabled = index === set.vragen.length - 1;
        const gone = button("Haal weg", "Haal weg: vraag " + number, () => remove(index));
        const controls = element("span", "", "ll-setvraag__knoppen");
        controls.append(up, down, gone);
        item.append(controls);
      }
      list.append(item);
    });
    empty.hidden = set.vragen.length > 0;
    tools.hidden = set.vragen.length === 0;
  }

  // The notice above a shared set: what it is, where the own sets are, and the only two ways to store it.
  function sharedPanel() {
    const own = readStored();
    const panel = element("section", "", "ll-melding ll-mijnset__gedeeld");
    panel.id = "ll-mijnset-gedeeld";
    panel.setAttribute("aria-labelledby", "ll-mijnset-gedeeld-kop");
    const heading = element("h2", "Je bekijkt een gedeelde vragenset");
    heading.id = "ll-mijnset-gedeeld-kop";
    const about = element("p", "Deze vragen komen uit een link. Je kunt ze gebruiken in de vergadermodus en ze printen. "
      + "Je eigen vragenset is niet veranderd.");
    const ownLine = element("p", readAll().sets.length
      ? "Je eigen vragenset heeft " + vragen(own.vragen.length) + ". "
      : "Je hebt nog geen eigen vragenset bewaard.");
    if (readAll().sets.length) {
      const back = element("a", "Terug naar mijn eigen set");
      back.id = "ll-mijnset-eigen";
      back.href = location.pathname;
      ownLine.append(back);
    }
    const actions = element("p");
    const keep = element("button", "Bewaar bij mijn sets", "ll-knop");
    const add = element("button", "Voeg toe aan mijn set", "ll-knop ll-knop--zacht");
    keep.type = add.type = "button";
    keep.id = "ll-mijnset-bewaar";
    add.id = "ll-mijnset-voegtoe";
    actions.append(keep, " ", add);
    add.hidden = !own.vragen.length; // with no own set, adding is the same as keeping
    actions.hidden = !set.vragen.length;
    panel.append(heading, about, ownLine, actions);

    // Keeping never replaces anything: the set comes beside the own sets (into an empty active set if there is one).
    keep.addEventListener("click", () => {
      const current = readStored(); // read again: another tab may have changed it
      const earlier = readAll().sets.find((s) => same(s, set));
      if (earlier) {
        const all = readAll();
        all.actief = earlier.id;
        writeAll(all);
      } else if (isEmpty(current)) {
        store(set);
      } else {
        storeNew(set);
      }
      adopt(copy(set), "Deze set staat nu bij je eigen sets. Je kunt hem aanpassen.");
    });
    add.addEventListener("click", () => {
      const result = combine(readStored(), set, isKnown, "uit de link");
      adopt(result.set, result.message);
    });
    return panel;
  }

  // After a click on "Bewaar" or "Voeg toe": this page shows (and edits) the visitor's own active set again.
  function adopt(next, text) {
    shared = false;
    set = next;
    const panel = page.querySelector("#ll-mijnset-gedeeld");
    if (panel) panel.remove();
    save();
    showMode();
    render();
    showSets();
    count();
    titleInput.focus();
    announce(text);
  }

  // --- Mijn sets: every kept set, open one, delete one (with undo), start a new one -----------------------
  const nameOf = (s) => s.titel || "Set zonder titel";

  function openSet(id, text) {
    const all = readAll();
    if (!all.sets.some((s) => s.id === id)) return;
    all.actief = id;
    writeAll(all);
    set = readStored();
    hideMessage();
    save();
    showMode();
    render();
    showSets();
    count();
    showFound();
    announce(text || "Je set \u201c" + nameOf(set) + "\u201d staat open. Er staan " + vragen(set.vragen.length) + " in.");
  }

  function deleteSet(id) {
    const all = readAll();
    const index = all.sets.findIndex((s) => s.id === id);
    if (index === -1) return;
    const [gone] = all.sets.splice(index, 1);
    const wasActive = all.actief === id;
    if (wasActive) all.actief = all.sets.length ? all.sets[Math.min(index, all.sets.length - 1)].id : "";
    writeAll(all);
    set = readStored();
    save();
    showMode();
    render();
    showSets();
    count();
    showFound();
    showMessage("De set \u201c" + nameOf(gone) + "\u201d is verwijderd.", () => {
      const back = readAll();
      back.sets.splice(Math.min(index, back.sets.length), 0, gone);
      if (wasActive) back.actief = gone.id;
      writeAll(back);
      openSet(back.actief, "De set \u201c" + nameOf(gone) + "\u201d is terug.");
      const again = setsList.querySelector('[data-set="' + gone.id + '"] .ll-setkeuze');
      if (again) again.focus();
    });
    undoButton.focus();
    announce("De set is verwijderd. Met de knop Ongedaan maken zet je hem terug.");
  }

  function showSets() {
    const all = readAll();
    setsBox.hidden = shared || !all.sets.length;
    setsList.replaceChildren();
    for (const s of all.sets) {
      const item = element("li");
      item.dataset.set = s.id;
      const active = s.id === all.actief;
      const choose = element("button", nameOf(s), "ll-knop ll-knop--zacht ll-setkeuze");
      choose.type = "button";
      choose.setAttribute("aria-pressed", String(active));
      choose.setAttribute("aria-label", (active ? "Open: " : "Open ") + nameOf(s) + ", " + vragen(s.vragen.length));
      choose.addEventListener("click", () => { if (!active) openSet(s.id); });
      const size = element("span", " " + vragen(s.vragen.length) + (active ? ", staat open " : " "), "ll-meta");
      const remove = button("Verwijder", "Verwijder set: " + nameOf(s), () => deleteSet(s.id));
      item.append(choose, size, remove);
      setsList.append(item);
    }
  }

  newSetButton.addEventListener("click", () => {
    if (isEmpty(readStored()) && readAll().sets.length) { titleInput.focus(); return; }
    storeNew({ titel: "", vragen: [], werkwijze: "" });
    openSet(readAll().actief, "Een nieuwe lege set staat open. Je andere sets zijn bewaard.");
    titleInput.focus();
  });

  // --- Add questions in place: search the site's own questions (vragen.json), or browse one bouwsteen -------
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const MAX_FOUND = 25;

  function showFound() {
    if (!ready || shared) { finder.hidden = true; return; }
    finder.hidden = false;
    const words = fold(finderInput.value).split(/\s+/).filter(Boolean);
    const bouwsteen = finderBouwsteen.value;
    finderList.replaceChildren();
    if (!words.length && !bouwsteen) { finderStatus.textContent = ""; return; }
    const hits = Object.entries(known).filter(([, v]) => (!bouwsteen || v.bouwsteen === bouwsteen)
      && words.every((w) => fold(v.vraag + " " + v.bouwsteen + " " + v.thema).includes(w)));
    for (const [id, v] of hits.slice(0, MAX_FOUND)) {
      const item = element("li", "", "ll-setvraag");
      const inSet = set.vragen.includes(id);
      const add = button(inSet ? "Staat in je set" : "Voeg toe", (inSet ? "Staat in je set: " : "Voeg toe: ") + v.vraag, () => {
        set.vragen.push(id);
        hideMessage();
        save();
        render();
        showSets();
        count();
        showFound();
        const again = finderList.querySelector('[data-vraag="' + CSS.escape(id) + '"] button');
        if (again) again.focus();
        announce("Toegevoegd aan je set: \u201c" + v.vraag + "\u201d. Er staan nu " + vragen(set.vragen.length) + " in.");
      });
      add.disabled = inSet;
      item.dataset.vraag = id;
      item.append(element("span", v.vraag, "ll-vraagtekst"), element("span", " Bij " + v.bouwsteen + " ", "ll-meta"), add);
      finderList.append(item);
    }
    finderStatus.textContent = (hits.length === 1 ? "1 vraag gevonden" : hits.length + " vragen gevonden")
      + (hits.length > MAX_FOUND ? ". De eerste " + MAX_FOUND + " staan hieronder. Zoek preciezer om de rest te zien." : ".");
  }

  function fillBouwstenen() {
    const names = [...new Set(Object.values(known).map((v) => v.bouwsteen))];
    for (const name of names) {
      const option = element("option", name);
      option.value = name;
      finderBouwsteen.append(option);
    }
  }
  finderInput.addEventListener("input", showFound);
  finderBouwsteen.addEventListener("change", showFound);

  titleInput.addEventListener("input", () => {
    if (shared) return;
    hideMessage(); // an undo would now also undo this title
    set.titel = titleInput.value.trim();
    save();
    showSets();
  });

  copyButton.addEventListener("click", async () => {
    clearTimeout(copiedTimer);
    let worked = true;
    try {
      await navigator.clipboard.writeText(shareUrl());
      copied.textContent = "Link gekopieerd";
      announce("De link is gekopieerd. Plak hem in een mail of agenda.");
    } catch (error) {
      worked = false;
      shareInput.select();
      copied.textContent = "Kopi\u00ebren lukte niet. Kopieer de link met Ctrl+C.";
      announce("Kopi\u00ebren lukte niet vanzelf. De link is geselecteerd: kopieer hem met Ctrl+C.");
    }
    copied.hidden = false;
    copiedTimer = setTimeout(() => { copied.hidden = true; }, worked ? 5000 : 15000);
  });

  undoButton.addEventListener("click", () => {
    if (!undo) return;
    if (typeof undo === "function") { const action = undo; hideMessage(); action(); return; }
    const back = undo;
    const index = back.vragen.findIndex((id, i) => set.vragen[i] !== id); // the first question that came back
    const methodBack = back.werkwijze && !set.werkwijze && index === -1;
    set = back;
    hideMessage();
    save();
    showMode();
    render();
    count();
    if (methodBack && !methodRemove.hidden) methodRemove.focus();
    else if (set.vragen.length) focusItem(Math.max(index, 0));
    else titleInput.focus();
    announce("Ongedaan gemaakt. Er staan nu " + vragen(set.vragen.length) + " in je set.");
  });

  methodRemove.addEventListener("click", () => {
    if (shared) return;
    const before = copy(set);
    set.werkwijze = "";
    removed(before, "De werkwijze is weggehaald.", "De werkwijze is weggehaald. Met de knop Ongedaan maken zet je hem terug.");
  });

  if (clearButton) {
    clearButton.addEventListener("click", () => {
      if (shared || (!set.vragen.length && !set.titel && !set.werkwijze)) return;
      const before = copy(set);
      set = { titel: "", vragen: [], werkwijze: "" };
      titleInput.value = "";
      removed(before, "Je vragenset is leeggemaakt (" + vragen(before.vragen.length) + ").",
        "Je vragenset is leeg. Met de knop Ongedaan maken zet je alle vragen terug.");
    });
  }
  showMode();

  loadData()
    .then((found) => {
      known = found.vragen;
      sets = found.sets || {};
      extras = found.extra || {};
      for (const [code, id] of Object.entries(extras)) extraCodes[id] = code;
      ready = true;
      let unknown = [];
      if (link && link.kort) {
        const decoded = fromShort(link.kort);
        set = decoded.set;
        unknown = decoded.unknown;
      } else {
        unknown = set.vragen.filter((id) => !isKnown(id));
      }
      set.vragen = unique(set.vragen.filter(isKnown));
      if (set.werkwijze && !(set.werkwijze in sets)) set.werkwijze = "";
      if (link) {
        // The address of this page after an edit is the owner's own link: it opens as their own set again.
        const own = readStored();
        own.vragen = unique(own.vragen.filter(isKnown));
        if (own.werkwijze && !(own.werkwijze in sets)) own.werkwijze = "";
        shared = !same(set, own);
      }
      if (unknown.length) {
        const from = shared ? " uit de link" : " uit je set";
        notice.hidden = false;
        notice.textContent = (unknown.length === 1 ? "Eén vraag" + from + " bestaat niet meer" : unknown.length
          + " vragen" + from + " bestaan niet meer") + " op deze site en " + (unknown.length === 1 ? "is" : "zijn")
          + " weggelaten: " + unknown.join(", ") + ". De andere vragen staan hieronder.";
      }
      if (shared) {
        notice.after(sharedPanel());
      } else {
        save();
      }
      showMode();
      render();
      fillBouwstenen();
      showSets();
      showFound();
      let note = null;
      try {
        note = JSON.parse(sessionStorage.getItem(NOTE));
        sessionStorage.removeItem(NOTE);
      } catch (error) { /* no message */ }
      if (note && note.tekst && !shared) {
        const before = note.vorige && Array.isArray(note.vorige.vragen) ? { titel: String(note.vorige.titel || ""),
          vragen: note.vorige.vragen.map(String), werkwijze: String(note.vorige.werkwijze || "") } : null;
        showMessage(note.tekst + (before ? " Je vorige set is vervangen." : ""), before);
        announce(note.tekst);
      }
    })
    .catch(() => {
      notice.hidden = false;
      notice.textContent = "De vragen konden niet worden geladen. Laad de pagina opnieuw.";
    });
})();
