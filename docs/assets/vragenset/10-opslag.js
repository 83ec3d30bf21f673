// A part of vragenset.js: the parts in docs/assets/vragenset/ are joined in name order into that one file when the
// site is built (one scope for all). This part: the storage of the sets (localStorage), vragen.json, small
// helpers and the live region. It opens the function that 70-start.js closes.
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
  // A table looked up by text from a link or from storage: without Object's prototype, so "constructor",
  // "toString" or "__proto__" in a link are unknown keys like any other (with {} they found Object's own members:
  // the page said the questions could not be loaded, or showed "Bij undefined").
  const table = (entries) => Object.assign(Object.create(null), entries || {});
  const vragen = (n) => n + (n === 1 ? " vraag" : " vragen");
  // "Er staat (nu) 1 vraag" but "Er staan (nu) 2 vragen": the verb agrees with the number, in every message.
  const erStaan = (n, when) => "Er " + (n === 1 ? "staat " : "staan ") + (when ? when + " " : "") + vragen(n);
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
      message: added.length ? vragen(added.length) + " toegevoegd aan je eigen set. " + erStaan(mine.length + added.length, "nu") + " in."
        : "Alle vragen " + from + " stonden al in je eigen set." };
  }
