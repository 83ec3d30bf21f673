// A part of vragenset.js: the parts in docs/assets/vragenset/ are joined in name order into that one file when the
// site is built (one scope for all). This part: showing and editing the set on "Mijn vragenset" (the list,
// its buttons, messages with undo) and the notice above a shared set.

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
    methodOrigin.hidden = !citations[from.werkwijze_bron];
    methodOrigin.textContent = methodOrigin.hidden ? "" : "Bron van deze werkwijze: " + citations[from.werkwijze_bron] + ".";
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
    removed(before, "Vraag weggehaald: \u201c" + text + "\u201d.", "Vraag weggehaald. " + erStaan(set.vragen.length, "nu")
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
    showSources();
  }

  // Where the questions come from, on screen and on paper (a printed set is read without the site): the bron of each
  // question's bouwsteen, and for an extra question that of the vragenset it came with. A region's own question
  // names none (vragendata.py).
  function showSources() {
    const named = [];
    for (const id of set.vragen) {
      const from = isFree(id) ? Object.values(sets).find((s) => s.bron && s.vragen.includes(id)) : known[id];
      const text = from && citations[from.bron];
      if (text && !named.includes(text)) named.push(text);
    }
    sources.hidden = !named.length;
    sources.textContent = (named.length > 1 ? "Bronnen van de vragen: " : "Bron van de vragen: ") + named.join("; ") + ".";
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
