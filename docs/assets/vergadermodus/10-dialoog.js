// A part of vergadermodus.js: the parts in docs/assets/vergadermodus/ are joined in name order into that one file
// when the site is built (one scope for all). This part: the keys, small helpers, and the first half of
// openMeeting (the dialog and its parts), which 20-bediening.js goes on with and closes.
// Meeting mode and printing for every question set on the site (bouwsteen, thema, rol, vragenset,
// "Mijn vragenset"). Reads the questions from the page itself, so it keeps working without network.
// Made for a projector: the question and the timer in large letters, the keys always in view at the bottom
// ("?" shows all of them), and one key (T) to switch the timer on or off.
(function () {
  "use strict";
  const NEXT = ["ArrowRight", "ArrowDown", "PageDown", " ", "Spacebar"];
  const PREVIOUS = ["ArrowLeft", "ArrowUp", "PageUp"];
  const KEYS = [["\u2192, \u2193, spatie of Page Down", "volgende vraag"], ["\u2190, \u2191 of Page Up", "vorige vraag"],
    ["Home / End", "eerste / laatste vraag"], ["\u2192 na de laatste vraag", "einde van de set: Opnieuw of Klaar"], ["T", "timer aan of uit"], ["?", "deze uitleg tonen of verbergen"],
    ["Esc", "vergadermodus stoppen"]];

  // Headings get soft hyphens (U+00AD) at build time (leerlandschap/hyphenate.py): invisible on screen, but part of
  // textContent. Text that is compared or shown elsewhere is read without them.
  const plain = (text) => text.replace(/\u00ad/g, "").trim();

  function questionsOf(tools) {
    const scope = tools.closest("article, .ll-mijnset") || document;
    return [...scope.querySelectorAll(".ll-set .ll-setvraag")].map((item) => ({
      tekst: plain(item.querySelector(".ll-vraagtekst").textContent),
      bouwsteen: item.dataset.bouwsteen || "",
    }));
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function openMeeting(title, questions, opener) {
    if (!questions.length) return;
    let current = 0;
    let timer = null;
    let secondsLeft = 0;
    let lastMinutes = 3; // what T switches the timer on with: the last choice, else 3 minutes

    const dialog = element("div", "ll-vergadering");
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-labelledby", "ll-vergadering-titel");
    const head = element("div", "ll-vergadering__kop");
    const heading = element("h2", "ll-vergadering__titel", title);
    heading.id = "ll-vergadering-titel";
    const counter = element("p", "ll-vergadering__teller");
    const clock = element("p", "ll-vergadering__klok");
    clock.setAttribute("role", "timer"); // a timer is not read aloud every second ...
    const named = element("div", "ll-vergadering__naam");
    named.append(heading, counter);
    head.append(named, clock);
    const stage = element("div", "ll-vergadering__vraag");
    stage.setAttribute("aria-live", "polite");
    stage.setAttribute("aria-atomic", "true");
    const source = element("p", "ll-vergadering__bron");
    const text = element("p", "ll-vergadering__tekst");
    stage.append(source, text);
    // After the last question: the end of the set, said aloud (the stage is live), and the two ways on.
    // Forward keys stop here, so a presenter who keeps pressing Space never goes back.
    const ending = element("div", "ll-vergadering__einde");
    ending.hidden = true;
    const again = element("button", "ll-knop", "Opnieuw");
    const done = element("button", "ll-knop ll-knop--zacht", "Klaar");
    again.type = done.type = "button";
    ending.append(again, " ", done);

    const controls = element("div", "ll-vergadering__knoppen");
    const previous = element("button", "ll-knop", "Vorige vraag");
    const next = element("button", "ll-knop", "Volgende vraag");
    const close = element("button", "ll-knop ll-knop--zacht", "Sluiten (Esc)");
    [previous, next, close].forEach((b) => { b.type = "button"; });
    const timerLabel = element("label", "ll-vergadering__timerkeuze", "Timer per vraag ");
    const timerSelect = element("select");
    timerSelect.id = "ll-vergadering-timer";
    timerLabel.htmlFor = timerSelect.id;
    for (const [value, name] of [[0, "uit"], [2, "2 minuten"], [3, "3 minuten"], [5, "5 minuten"], [10, "10 minuten"]]) {
      const option = element("option", "", name);
      option.value = String(value);
      timerSelect.append(option);
    }
    timerLabel.append(timerSelect);
    const helpButton = element("button", "ll-knop ll-knop--zacht", "Uitleg toetsen (?)");
    helpButton.type = "button";
    helpButton.setAttribute("aria-expanded", "false");
    helpButton.setAttribute("aria-controls", "ll-vergadering-uitleg");
    controls.append(previous, next, timerLabel, helpButton, close);
    // The keys, always in view; "?" (or the button) shows the whole list.
    const legend = element("p", "ll-vergadering__toetsen",
      "\u2192 of spatie: volgende \u00b7 \u2190 vorige \u00b7 T: timer \u00b7 Esc: stoppen \u00b7 ?: uitleg");
    const help = element("div", "ll-vergadering__uitleg");
    help.id = "ll-vergadering-uitleg";
    help.hidden = true;
    // With a long question the list may not fit beside it (1280 x 720): it then scrolls within itself (CSS), so it
    // is a named region that Tab reaches and the arrow keys scroll (onKey lets them through there).
    help.setAttribute("role", "region");
    help.setAttribute("aria-labelledby", "ll-vergadering-uitleg-kop");
    help.tabIndex = 0;
    const helpHeading = element("h3", "", "Toetsen in de vergadermodus");
    helpHeading.id = "ll-vergadering-uitleg-kop";
    const keyList = element("dl");
    for (const [keys, what] of KEYS) keyList.append(element("dt", "", keys), element("dd", "", what));
    const helpNote = element("p", "", "Een presentatieklikker werkt ook: die gebruikt dezelfde toetsen.");
    help.append(helpHeading, keyList, helpNote);
    // ... so screen readers hear its end here. Both live regions are in the DOM before their text changes,
    // otherwise screen readers miss the first message.
    const alarm = element("p", "ll-verborgen ll-vergadering__alarm");
    alarm.setAttribute("aria-live", "assertive");
    alarm.setAttribute("aria-atomic", "true");
    const hint = element("p", "ll-verborgen ll-vergadering__hint");
    hint.setAttribute("role", "status"); // polite: where the focus went at the first or last question
    dialog.append(head, stage, ending, controls, help, legend, alarm, hint);

