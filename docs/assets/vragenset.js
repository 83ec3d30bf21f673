// Compose your own question set: "add" buttons on every question, the "Mijn vragenset" page, and the
// role/thema filter of the set overview. The selection lives in the URL (shareable) and in this browser's
// localStorage; nothing is sent anywhere.
(function () {
  "use strict";
  document.documentElement.classList.add("ll-js");
  const KEY = "leerlandschap.mijn-vragenset";
  const baseMeta = document.querySelector('meta[name="ll-basis"]');
  const siteRoot = new URL(baseMeta ? baseMeta.content : "./", location.href);

  function readStored() {
    try {
      const stored = JSON.parse(localStorage.getItem(KEY));
      if (stored && Array.isArray(stored.vragen)) return { titel: String(stored.titel || ""), vragen: stored.vragen.map(String) };
    } catch (error) { /* storage off or damaged: start empty */ }
    return { titel: "", vragen: [] };
  }

  function store(set) {
    try { localStorage.setItem(KEY, JSON.stringify(set)); } catch (error) { /* private mode: the URL still holds the set */ }
  }

  // One polite live region per page for short confirmations.
  const announcer = document.createElement("p");
  announcer.className = "ll-verborgen";
  announcer.setAttribute("role", "status");
  document.body.append(announcer);
  function announce(text) { announcer.textContent = text; }

  // --- "Voeg toe" buttons -------------------------------------------------------------------
  function label(button) {
    const inSet = readStored().vragen.includes(button.dataset.vraag);
    button.textContent = inSet ? "Haal uit mijn vragenset" : "Voeg toe aan mijn vragenset";
    button.classList.toggle("ll-voegtoe--gekozen", inSet);
  }

  function count() {
    const size = readStored().vragen.length;
    for (const link of document.querySelectorAll(".ll-naar-mijnset")) {
      link.textContent = "Mijn vragenset" + (size ? " (" + size + (size === 1 ? " vraag)" : " vragen)") : "");
    }
  }
  count();

  for (const button of document.querySelectorAll(".ll-voegtoe")) {
    label(button);
    button.addEventListener("click", () => {
      const set = readStored();
      const id = button.dataset.vraag;
      const position = set.vragen.indexOf(id);
      if (position === -1) set.vragen.push(id); else set.vragen.splice(position, 1);
      store(set);
      document.querySelectorAll(".ll-voegtoe").forEach(label);
      count();
      announce((position === -1 ? "Toegevoegd aan" : "Weggehaald uit") + " mijn vragenset. Er staan nu "
        + set.vragen.length + (set.vragen.length === 1 ? " vraag" : " vragen") + " in.");
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
  // Without "?v=" the page shows the visitor's own set (localStorage) and saves every change.
  // With "?v=" it shows the set from a shared link, read-only: opening a link never changes the visitor's own
  // set; only "Bewaar als mijn set" or "Voeg toe aan mijn set" do (after a confirmation if work would be lost).
  const page = document.getElementById("ll-mijnset");
  if (!page) return;
  const list = page.querySelector("#ll-mijnset-lijst");
  const titleInput = page.querySelector("#ll-mijnset-titel");
  const notice = page.querySelector("#ll-mijnset-melding");
  const empty = page.querySelector("#ll-mijnset-leeg");
  const shareInput = page.querySelector("#ll-mijnset-link");
  const tools = page.querySelector(".ll-settools");
  const clearButton = page.querySelector("#ll-mijnset-leegmaken");
  const params = new URLSearchParams(location.search);
  const unique = (ids) => ids.filter((id, index) => ids.indexOf(id) === index);
  const same = (a, b) => a.titel === b.titel && a.vragen.join(",") === b.vragen.join(",");
  const vragen = (n) => n + (n === 1 ? " vraag" : " vragen");

  let set = readStored();
  let shared = false;
  if (params.has("v")) {
    const fromLink = { titel: params.get("titel") || "", vragen: unique((params.get("v") || "").split(",").filter(Boolean)) };
    // The address of this page after an edit is the owner's own link: it opens as their own set again.
    shared = !same(fromLink, set);
    set = fromLink;
  }
  let known = {};

  function shareUrl() {
    const next = new URLSearchParams();
    next.set("v", set.vragen.join(","));
    if (set.titel) next.set("titel", set.titel);
    return location.origin + location.pathname + "?" + next.toString().replace(/%2F/g, "/").replace(/%2C/g, ",");
  }

  function showSet() {
    tools.dataset.titel = set.titel || (shared ? "Gedeelde vragenset" : "Mijn vragenset"); // title in meeting mode
    shareInput.value = shareUrl();
  }

  function showMode() {
    titleInput.value = set.titel;
    titleInput.readOnly = shared;
    titleInput.placeholder = shared ? "Deze set heeft geen titel" : "Bijvoorbeeld: Bestuurlijk overleg 12 maart";
    if (clearButton) clearButton.hidden = shared;
    empty.textContent = shared ? "Er staan geen vragen in deze gedeelde set." : "Je vragenset is nog leeg.";
    showSet();
  }

  function save() {
    if (shared) return; // a shared set is never stored without a click on one of its buttons
    store(set);
    history.replaceState(null, "", shareUrl());
    showSet();
  }

  function button(text, aria, action) {
    const element = document.createElement("button");
    element.type = "button";
    element.className = "ll-knop ll-knop--klein";
    element.textContent = text;
    element.setAttribute("aria-label", aria);
    element.addEventListener("click", action);
    return element;
  }

  function move(index, step, focusClass) {
    const target = index + step;
    if (target < 0 || target >= set.vragen.length) return;
    [set.vragen[index], set.vragen[target]] = [set.vragen[target], set.vragen[index]];
    save();
    render();
    const again = list.children[target].querySelector("." + focusClass);
    (again && !again.disabled ? again : list.children[target].querySelector("a")).focus();
    announce("Vraag staat nu op plaats " + (target + 1) + " van " + set.vragen.length + ".");
  }

  function render() {
    list.replaceChildren();
    set.vragen.forEach((id, index) => {
      const vraag = known[id];
      const item = document.createElement("li");
      item.className = "ll-setvraag";
      item.dataset.vraag = id;
      item.dataset.bouwsteen = vraag.bouwsteen;
      const link = document.createElement("a");
      link.className = "ll-vraagtekst";
      link.href = new URL(vraag.url, siteRoot).href;
      link.textContent = vraag.vraag;
      const meta = document.createElement("span");
      meta.className = "ll-meta";
      meta.textContent = " Bij " + vraag.bouwsteen + " ";
      item.append(link, meta);
      if (!shared) {
        const number = index + 1;
        const up = button("Omhoog", "Omhoog: vraag " + number, () => move(index, -1, "ll-omhoog"));
        up.classList.add("ll-omhoog");
        up.disabled = index === 0;
        const down = button("Omlaag", "Omlaag: vraag " + number, () => move(index, 1, "ll-omlaag"));
        down.classList.add("ll-omlaag");
        down.disabled = index === set.vragen.length - 1;
        const remove = button("Haal weg", "Haal weg: vraag " + number, () => {
          set.vragen.splice(index, 1);
          save();
          render();
          announce("Vraag weggehaald. Er staan nu " + vragen(set.vragen.length) + " in je set.");
          (list.querySelector("a") || titleInput).focus();
        });
        const controls = document.createElement("span");
        controls.className = "ll-setvraag__knoppen";
        controls.append(up, down, remove);
        item.append(controls);
      }
      list.append(item);
    });
    empty.hidden = set.vragen.length > 0;
    tools.hidden = set.vragen.length === 0;
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // The notice above a shared set: what it is, where the own set is, and the only two ways to store it.
  function sharedPanel() {
    const own = readStored();
    const panel = element("section", "", "ll-melding ll-mijnset__gedeeld");
    panel.id = "ll-mijnset-gedeeld";
    panel.setAttribute("aria-labelledby", "ll-mijnset-gedeeld-kop");
    const heading = element("h2", "Je bekijkt een gedeelde vragenset");
    heading.id = "ll-mijnset-gedeeld-kop";
    const about = element("p", "Deze vragen komen uit een link. Je kunt ze gebruiken in de vergadermodus en ze printen. "
      + "Je eigen vragenset is niet veranderd.");
    const ownLine = element("p", own.vragen.length
      ? "Je eigen vragenset heeft " + vragen(own.vragen.length) + ". "
      : "Je hebt nog geen eigen vragenset bewaard.");
    if (own.vragen.length) {
      const back = element("a", "Terug naar mijn eigen set");
      back.id = "ll-mijnset-eigen";
      back.href = location.pathname;
      ownLine.append(back);
    }
    const actions = element("p");
    const keep = element("button", "Bewaar als mijn set", "ll-knop");
    const add = element("button", "Voeg toe aan mijn set", "ll-knop ll-knop--zacht");
    keep.type = add.type = "button";
    keep.id = "ll-mijnset-bewaar";
    add.id = "ll-mijnset-voegtoe";
    actions.append(keep, " ", add);
    add.hidden = !own.vragen.length; // with no own set, adding is the same as keeping
    actions.hidden = !set.vragen.length;

    const confirmBox = element("div", "", "ll-mijnset__bevestig");
    confirmBox.id = "ll-mijnset-bevestig";
    confirmBox.hidden = true;
    const question = element("p");
    question.id = "ll-mijnset-bevestig-tekst";
    question.tabIndex = -1;
    const yes = element("button", "Ja, vervang mijn set", "ll-knop");
    const no = element("button", "Nee, niet vervangen", "ll-knop ll-knop--zacht");
    yes.type = no.type = "button";
    const answers = element("p");
    answers.append(yes, " ", no);
    confirmBox.append(question, answers);
    panel.append(heading, about, ownLine, actions, confirmBox);

    keep.addEventListener("click", () => {
      const current = readStored(); // read again: another tab may have changed it
      if (!current.vragen.length || same(current, set)) {
        adopt({ titel: set.titel, vragen: set.vragen.slice() }, "Deze set is nu jouw vragenset. Je kunt hem aanpassen.");
        return;
      }
      const count = current.vragen.length;
      const lost = current.vragen.filter((id) => !set.vragen.includes(id)).length;
      question.textContent = "Let op: je eigen vragenset heeft nu " + vragen(count) + ". Als je deze set bewaart, "
        + (count === 1 ? "wordt die vraag" : "worden die " + count + " vragen") + " vervangen door de "
        + vragen(set.vragen.length) + " uit de link. "
        + (lost === 0 ? "Al je eigen vragen staan ook in de gedeelde set. "
          : lost === count ? "Geen van je eigen vragen staat in de gedeelde set. Je bent ze dan kwijt. "
            : vragen(lost) + " van je eigen set " + (lost === 1 ? "staat" : "staan") + " niet in de gedeelde set. "
              + "Die ben je dan kwijt. ")
        + "Wil je je eigen vragen houden? Kies dan \u201cVoeg toe aan mijn set\u201d.";
      add.hidden = false;
      confirmBox.hidden = false;
      question.focus();
    });
    yes.addEventListener("click", () => {
      adopt({ titel: set.titel, vragen: set.vragen.slice() }, "Je eigen vragenset is vervangen door deze set. Je kunt hem nu aanpassen.");
    });
    no.addEventListener("click", () => {
      confirmBox.hidden = true;
      keep.focus();
      announce("Je eigen vragenset is niet veranderd.");
    });
    add.addEventListener("click", () => {
      const current = readStored();
      const mine = current.vragen.filter((id) => id in known);
      const added = set.vragen.filter((id) => !mine.includes(id));
      adopt({ titel: current.titel || set.titel, vragen: mine.concat(added) }, added.length
        ? vragen(added.length) + " toegevoegd aan je eigen set. Er staan nu " + vragen(mine.length + added.length) + " in."
        : "Alle vragen uit de link stonden al in je eigen set.");
    });
    return panel;
  }

  // After a click on "Bewaar" or "Voeg toe": this page shows (and edits) the visitor's own set again.
  function adopt(next, message) {
    shared = false;
    set = next;
    const panel = page.querySelector("#ll-mijnset-gedeeld");
    if (panel) panel.remove();
    save();
    showMode();
    render();
    count();
    titleInput.focus();
    announce(message);
  }

  titleInput.addEventListener("input", () => {
    if (shared) return;
    set.titel = titleInput.value.trim();
    save();
  });
  page.querySelector("#ll-mijnset-kopieer").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(shareUrl());
      announce("De link is gekopieerd. Plak hem in een mail of agenda.");
    } catch (error) {
      shareInput.select();
      announce("Kopiëren lukte niet vanzelf. De link is geselecteerd: kopieer hem met Ctrl+C.");
    }
  });
  if (clearButton) {
    clearButton.addEventListener("click", () => {
      if (shared) return;
      set = { titel: "", vragen: [] };
      titleInput.value = "";
      save();
      render();
      announce("Je vragenset is leeg.");
    });
  }
  showMode();

  fetch(new URL("vragen.json", siteRoot))
    .then((response) => response.json())
    .then((data) => {
      known = data.vragen;
      const unknown = set.vragen.filter((id) => !(id in known));
      if (unknown.length) {
        const from = shared ? " uit de link" : " uit je set";
        notice.hidden = false;
        notice.textContent = (unknown.length === 1 ? "Eén vraag" + from + " bestaat niet meer" : unknown.length
          + " vragen" + from + " bestaan niet meer") + " op deze site en " + (unknown.length === 1 ? "is" : "zijn")
          + " weggelaten: " + unknown.join(", ") + ". De andere vragen staan hieronder.";
      }
      set.vragen = unique(set.vragen.filter((id) => id in known));
      if (shared) {
        notice.after(sharedPanel());
        showMode();
      } else {
        save();
      }
      render();
    })
    .catch(() => {
      notice.hidden = false;
      notice.textContent = "De vragen konden niet worden geladen. Laad de pagina opnieuw.";
    });
})();
