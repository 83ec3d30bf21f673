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

    function tick() {
      if (secondsLeft <= 0) {
        clock.textContent = "Tijd is om";
        alarm.textContent = "Tijd is om voor vraag " + (current + 1) + " van " + questions.length + ".";
        dialog.classList.add("ll-vergadering--tijd-om");
        clearInterval(timer);
        timer = null;
        return;
      }
      const minutes = Math.floor(secondsLeft / 60);
      const seconds = String(secondsLeft % 60).padStart(2, "0");
      clock.replaceChildren(element("span", "ll-vergadering__klok-woord", "Nog"), " ",
        element("span", "ll-vergadering__cijfers", minutes + ":" + seconds));
      secondsLeft -= 1;
    }

    function startTimer() {
      clearInterval(timer);
      timer = null;
      dialog.classList.remove("ll-vergadering--tijd-om");
      const minutes = Number(timerSelect.value);
      if (minutes) lastMinutes = minutes;
      clock.textContent = "";
      alarm.textContent = ""; // empty again, so the next end is a change that is read aloud
      if (!minutes) return;
      secondsLeft = minutes * 60;
      tick();
      timer = setInterval(tick, 1000);
    }

    // `current` runs from 0 to questions.length: the last value is the end of the set.
    function show(index) {
      current = Math.max(0, Math.min(questions.length, index));
      const atEnd = current === questions.length;
      const focused = document.activeElement;
      ending.hidden = !atEnd;
      dialog.classList.toggle("ll-vergadering--einde", atEnd);
      if (atEnd) {
        counter.textContent = "Einde van de set";
        source.textContent = "";
        text.textContent = "Dit was de laatste vraag. Je hebt alle " + questions.length
          + (questions.length === 1 ? " vraag" : " vragen") + " gehad. Kies Opnieuw of Klaar.";
      } else {
        const question = questions[current];
        counter.textContent = "Vraag " + (current + 1) + " van " + questions.length;
        source.textContent = question.bouwsteen ? "Bij " + question.bouwsteen : "";
        text.textContent = question.tekst;
      }
      previous.disabled = current === 0;
      next.disabled = atEnd;
      hint.textContent = "";
      if (atEnd) {
        // Focus on the message, not on a button: a next Space then does nothing, and Tab reaches "Opnieuw".
        text.tabIndex = -1;
        text.focus();
        clearInterval(timer);
        timer = null;
        clock.textContent = "";
        dialog.classList.remove("ll-vergadering--tijd-om");
        return;
      }
      // A button that becomes disabled while it has focus would drop the focus to the page behind the
      // dialog. Keep it on the other direction (or on "Sluiten"), and say where it went.
      if (focused && focused.disabled && (focused === next || focused === previous)) {
        const other = focused === next ? previous : next;
        const target = other.disabled ? close : other;
        target.focus();
        hint.textContent = (focused === next ? "Dit is de laatste vraag." : "Dit is de eerste vraag.")
          + " Je staat nu op de knop " + target.textContent + ".";
      }
      startTimer();
    }

    // Moving past the first or last question does nothing (and does not restart the timer).
    function go(index) {
      const target = Math.max(0, Math.min(questions.length, index));
      if (target !== current) show(target);
    }

    // T: the timer on (with the last choice) or off, without reaching for the mouse.
    function toggleTimer() {
      timerSelect.value = Number(timerSelect.value) ? "0" : String(lastMinutes);
      startTimer();
      hint.textContent = Number(timerSelect.value) ? "Timer aan: " + timerSelect.value + " minuten per vraag." : "Timer uit.";
    }

    function toggleHelp() {
      help.hidden = !help.hidden;
      helpButton.setAttribute("aria-expanded", String(!help.hidden));
    }

    // Keys a focused control needs for itself. The timer's select needs the arrows, Home, End, Space and Enter to
    // choose; Page Up and Page Down are what a presenter clicker sends, and a list of five choices does without
    // them, so those (and T and ?, which match no choice) still move through the meeting. The explanation scrolls
    // with the keys that scroll a page, once the reader has tabbed into it.
    const SELECT_KEYS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", " ", "Enter", "Spacebar"];
    const SCROLL_KEYS = ["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " ", "Spacebar"];
    function keyForControl(event) {
      const target = event.target;
      if (target.tagName === "SELECT") return SELECT_KEYS.includes(event.key) || event.key.length === 1 && !"tT?".includes(event.key);
      if (target === help) return SCROLL_KEYS.includes(event.key);
      return target.tagName === "BUTTON" && (event.key === " " || event.key === "Enter");
    }

    function onKey(event) {
      if (event.key === "Escape") { event.preventDefault(); leave(); return; }
      if (keyForControl(event)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "?") { event.preventDefault(); toggleHelp(); return; }
      if (event.key === "t" || event.key === "T") { event.preventDefault(); toggleTimer(); return; }
      if (NEXT.includes(event.key)) { event.preventDefault(); go(current + 1); }
      else if (PREVIOUS.includes(event.key)) { event.preventDefault(); go(current - 1); }
      else if (event.key === "Home") { event.preventDefault(); go(0); }
      else if (event.key === "End") { event.preventDefault(); go(questions.length - 1); }
      else if (event.key === "Tab") { trapFocus(event); }
    }

    // Tab and Shift+Tab move through the dialog's controls only, in their order, and wrap around. The focus may
    // also be on something that is no control (the end message, focused by the code): then the next control after
    // it or the last one before it, so the focus never reaches the page behind the dialog.
    function trapFocus(event) {
      const focusable = [...dialog.querySelectorAll("button:not([disabled]), select, [tabindex='0']")]
        .filter((node) => !node.closest("[hidden]"));
      if (!focusable.length) return;
      const active = document.activeElement;
      const after = (node) => Boolean(active.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);
      const index = focusable.indexOf(active);
      let target;
      if (index !== -1) target = focusable[(index + (event.shiftKey ? -1 : 1) + focusable.length) % focusable.length];
      else if (event.shiftKey) target = focusable.filter((node) => !after(node)).pop() || focusable[focusable.length - 1];
      else target = focusable.find(after) || focusable[0];
      event.preventDefault();
      target.focus();
    }

    function onFullscreenChange() {
      if (!document.fullscreenElement && dialog.isConnected && dialog.dataset.fullscreen === "ja") leave();
    }

    function leave() {
      clearInterval(timer);
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("fullscreenchange", onFullscreenChange);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      dialog.remove();
      document.body.classList.remove("ll-vergadering-open");
      if (opener) opener.focus();
    }

    previous.addEventListener("click", () => go(current - 1));
    next.addEventListener("click", () => go(current + 1));
    close.addEventListener("click", leave);
    again.addEventListener("click", () => { show(0); next.focus(); });
    done.addEventListener("click", leave);
    helpButton.addEventListener("click", toggleHelp);
    // A timer chosen with the mouse leaves the focus on the select, where the arrow keys would change the timer
    // instead of the question. A bestuurder who picks a time and then goes on with a clicker or the arrow keys
    // expects the meeting to follow, so after a pick with the mouse the focus goes back to "Volgende vraag" (at
    // the end of the set: the end message). Chosen with the keyboard, the focus stays, so the next arrow press can
    // choose another time.
    let pickedWithPointer = false;
    timerSelect.addEventListener("pointerdown", () => { pickedWithPointer = true; });
    timerSelect.addEventListener("keydown", () => { pickedWithPointer = false; });
    timerSelect.addEventListener("change", () => {
      startTimer();
      if (!pickedWithPointer) return;
      pickedWithPointer = false;
      (next.disabled ? text : next).focus();
    });
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("fullscreenchange", onFullscreenChange);
    document.body.append(dialog);
    document.body.classList.add("ll-vergadering-open");
    if (dialog.requestFullscreen) {
      dialog.requestFullscreen().then(() => { dialog.dataset.fullscreen = "ja"; }).catch(() => { /* a window is fine too */ });
    }
    next.focus();
    show(0);
  }

  // Cards: one question per card, four to an A4 sheet, with dashed cut lines; only while printing.
  function printCards(title, questions) {
    const sheet = element("div", "ll-kaartenvel");
    for (const question of questions) {
      const card = element("div", "ll-kaartje");
      card.append(element("p", "ll-kaartje__vraag", question.tekst),
        element("p", "ll-kaartje__bron", [question.bouwsteen, title].filter(Boolean).join(" · ")));
      sheet.append(card);
    }
    document.body.append(sheet);
    document.body.classList.add("ll-kaartenmodus");
    const cleanUp = () => {
      sheet.remove();
      document.body.classList.remove("ll-kaartenmodus");
      window.removeEventListener("afterprint", cleanUp);
    };
    window.addEventListener("afterprint", cleanUp);
    window.print();
  }

  // On paper: the set's title and today's date under the page heading (the buttons themselves are not printed).
  // Kept up to date when "Mijn vragenset" renames the set (it writes data-titel).
  function printLine(tools, title) {
    const scope = tools.closest("article, .ll-mijnset") || document;
    const heading = scope.querySelector(".ll-mijnset__printkop") || scope.querySelector("h1");
    const line = element("p", "ll-printregel");
    (heading || tools).after(line);
    const date = new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
    const update = () => {
      const shown = heading ? plain(heading.textContent) : "";
      line.textContent = (plain(title()) === shown ? "" : title() + " \u00b7 ") + "Datum: " + date;
    };
    update();
    new MutationObserver(update).observe(tools, { attributes: true, attributeFilter: ["data-titel"] });
    if (heading) new MutationObserver(update).observe(heading, { childList: true, characterData: true, subtree: true });
  }

  for (const tools of document.querySelectorAll(".ll-settools")) {
    const title = () => tools.dataset.titel || document.title;
    printLine(tools, title);
    tools.querySelector(".ll-start-vergadering").addEventListener("click", (event) => {
      openMeeting(title(), questionsOf(tools), event.currentTarget);
    });
    tools.querySelector(".ll-print").addEventListener("click", () => window.print());
    tools.querySelector(".ll-print-kaarten").addEventListener("click", () => printCards(title(), questionsOf(tools)));
  }
})();
