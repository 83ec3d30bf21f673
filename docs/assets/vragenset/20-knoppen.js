// A part of vragenset.js: the parts in docs/assets/vragenset/ are joined in name order into that one file when the
// site is built (one scope for all). This part: the buttons on other pages ("Voeg toe" on questions, "Pas
// deze set aan" on ready sets) and the role/thema filter of the set overview.

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

  // What a button cannot do is said beside it, visibly and once (a new text replaces the old one).
  function sayBeside(button, text) {
    const next = button.nextElementSibling;
    const note = next && next.classList.contains("ll-nietbewaard") ? next : element("span", "", "ll-melding ll-nietbewaard");
    note.setAttribute("role", "status");
    note.textContent = text;
    if (note !== next) button.after(note);
  }
  // Without storage a button changes nothing.
  const cannotStore = (button) => sayBeside(button, "Dit lukt niet. " + NOT_STORED + " Printen en de vergadermodus werken wel.");

  for (const button of document.querySelectorAll(".ll-voegtoe[data-vraag]")) {
    label(button);
    button.addEventListener("click", () => {
      if (!canStore) { cannotStore(button); return; }
      const set = readStored();
      const id = button.dataset.vraag;
      const position = set.vragen.indexOf(id);
      if (position === -1) set.vragen.push(id); else set.vragen.splice(position, 1);
      store(set);
      document.querySelectorAll(".ll-voegtoe[data-vraag]").forEach(label);
      count();
      announce((position === -1 ? "Toegevoegd aan" : "Weggehaald uit") + " mijn vragenset. "
        + erStaan(set.vragen.length, "nu") + " in.");
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
      if (!canStore) { cannotStore(button); return; }
      const scope = tools.closest("article") || document;
      const items = [...scope.querySelectorAll(".ll-set .ll-setvraag")];
      const ids = items.map((item) => item.dataset.vraag || FREE + item.querySelector(".ll-vraagtekst").textContent.trim());
      takeOver({ titel: tools.dataset.titel || document.title, vragen: unique(ids), werkwijze: tools.dataset.werkwijze || "" });
    });
  }

  for (const button of document.querySelectorAll(".ll-setlijst .ll-pasaan[data-set]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      if (!canStore) { cannotStore(button); return; }
      loadData().then((found) => {
        const ready = found.sets[button.dataset.set];
        if (!ready) throw new Error("unknown set");
        takeOver({ titel: ready.titel, vragen: ready.vragen.slice(), werkwijze: ready.werkwijze ? button.dataset.set : "" });
      }).catch(() => sayBeside(button, "Deze set kon niet worden geladen. Controleer je internetverbinding en probeer het opnieuw."));
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
    // The choice is kept in the address (?rol=...&thema=...): a reload keeps it, and a shared link shows the same
    // sets. Only a value the list has is taken from an address.
    const address = new URL(location.href);
    for (const [key, select] of [["rol", rol], ["thema", thema]]) {
      const wanted = address.searchParams.get(key);
      if (wanted && [...select.options].some((option) => option.value === wanted)) select.value = wanted;
    }
    const remember = () => {
      const next = new URL(location.href);
      for (const [key, select] of [["rol", rol], ["thema", thema]]) {
        if (select.value) next.searchParams.set(key, select.value); else next.searchParams.delete(key);
      }
      history.replaceState(history.state, "", next);
    };
    for (const select of [rol, thema]) select.addEventListener("change", () => { apply(); remember(); });
    if (rol.value || thema.value) apply();
  }
