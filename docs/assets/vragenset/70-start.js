// A part of vragenset.js: the parts in docs/assets/vragenset/ are joined in name order into that one file when the
// site is built (one scope for all). This part: the first view of "Mijn vragenset" once vragen.json is read.
// It closes the function that 10-opslag.js opens.
  showMode();

  loadData()
    .then((found) => {
      known = table(found.vragen);
      sets = table(found.sets);
      extras = table(found.extra);
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
