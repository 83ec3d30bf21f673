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
  const page = document.getElementById("ll-mijnset");
  if (!page) return;
  const list = page.querySelector("#ll-mijnset-lijst");
  const titleInput = page.querySelector("#ll-mijnset-titel");
  const notice = page.querySelector("#ll-mijnset-melding");
  const empty = page.querySelector("#ll-mijnset-leeg");
  const shareInput = page.querySelector("#ll-mijnset-link");
  const tools = page.querySelector(".ll-settools");
  const params = new URLSearchParams(location.search);
  const fromLink = params.has("v");
  let set = fromLink
    ? { titel: params.get("titel") || "", vragen: (params.get("v") || "").split(",").filter(Boolean) }
    : readStored();
  let known = {};

  function shareUrl() {
    const next = new URLSearchParams();
    next.set("v", set.vragen.join(","));
    if (set.titel) next.set("titel", set.titel);
    return location.origin + location.pathname + "?" + next.toString().replace(/%2F/g, "/").replace(/%2C/g, ",");
  }

  function save() {
    store(set);
    history.replaceState(null, "", shareUrl());
    shareInput.value = shareUrl();
    tools.dataset.titel = set.titel || "Mijn vragenset";
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
        announce("Vraag weggehaald. Er staan nu " + set.vragen.length + " vragen in je set.");
        (list.querySelector("a") || titleInput).focus();
      });
      const controls = document.createElement("span");
      controls.className = "ll-setvraag__knoppen";
      controls.append(up, down, remove);
      item.append(link, meta, controls);
      list.append(item);
    });
    empty.hidden = set.vragen.length > 0;
    tools.hidden = set.vragen.length === 0;
  }

  titleInput.value = set.titel;
  titleInput.addEventListener("input", () => { set.titel = titleInput.value.trim(); save(); });
  page.querySelector("#ll-mijnset-kopieer").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(shareUrl());
      announce("De link is gekopieerd. Plak hem in een mail of agenda.");
    } catch (error) {
      shareInput.select();
      announce("Kopiëren lukte niet vanzelf. De link is geselecteerd: kopieer hem met Ctrl+C.");
    }
  });
  page.querySelector("#ll-mijnset-leegmaken").addEventListener("click", () => {
    set = { titel: "", vragen: [] };
    titleInput.value = "";
    save();
    render();
    announce("Je vragenset is leeg.");
  });

  fetch(new URL("vragen.json", siteRoot))
    .then((response) => response.json())
    .then((data) => {
      known = data.vragen;
      const unknown = set.vragen.filter((id) => !(id in known));
      if (unknown.length) {
        notice.hidden = false;
        notice.textContent = (unknown.length === 1 ? "Eén vraag uit de link bestaat niet meer" : unknown.length
          + " vragen uit de link bestaan niet meer") + " op deze site en " + (unknown.length === 1 ? "is" : "zijn")
          + " weggelaten: " + unknown.join(", ") + ". De andere vragen staan hieronder.";
      }
      set.vragen = set.vragen.filter((id, index) => id in known && set.vragen.indexOf(id) === index);
      save();
      render();
    })
    .catch(() => {
      notice.hidden = false;
      notice.textContent = "De vragen konden niet worden geladen. Laad de pagina opnieuw.";
    });
})();
