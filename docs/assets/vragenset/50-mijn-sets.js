// A part of vragenset.js: the parts in docs/assets/vragenset/ are joined in name order into that one file when the
// site is built (one scope for all). This part: "Mijn sets" on "Mijn vragenset": open, delete (with undo)
// and start a set.

  // --- Mijn sets: every kept set, open one, delete one (with undo), start a new one -----------------------
  const nameOf = (s) => s.titel || "Set zonder titel";

  // After the kept sets changed (one opened or deleted): keep the open one and show it everywhere on the page.
  function showOpenSet() {
    save();
    showMode();
    render();
    showSets();
    count();
    showFound();
  }

  function openSet(id, text) {
    const all = readAll();
    if (!all.sets.some((s) => s.id === id)) return;
    all.actief = id;
    writeAll(all);
    set = readStored();
    hideMessage();
    showOpenSet();
    announce(text || "Je set \u201c" + nameOf(set) + "\u201d staat open. " + erStaan(set.vragen.length) + " in.");
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
    showOpenSet();
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
