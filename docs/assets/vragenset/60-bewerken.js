// A part of vragenset.js: the parts in docs/assets/vragenset/ are joined in name order into that one file when the
// site is built (one scope for all). This part: adding questions in place (search, bouwsteen), the title,
// copying the link, undo, removing the werkwijze, emptying the set.

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
        if (set.vragen.includes(id)) return; // "Staat in je set": nothing to do
        set.vragen.push(id);
        hideMessage();
        save();
        render();
        showSets();
        count();
        showFound();
        // The focus stays on this question's button, now "Staat in je set", so the reader keeps their place in the
        // results to add the next one (the message says what happened). aria-disabled, not disabled: a disabled
        // button cannot hold the focus, which then falls to the page (<body>).
        const again = finderList.querySelector('[data-vraag="' + CSS.escape(id) + '"] button');
        (again || finderInput).focus();
        announce("Toegevoegd aan je set: \u201c" + v.vraag + "\u201d. " + erStaan(set.vragen.length, "nu") + " in.");
      });
      if (inSet) add.setAttribute("aria-disabled", "true");
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
    announce("Ongedaan gemaakt. " + erStaan(set.vragen.length, "nu") + " in je set.");
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
