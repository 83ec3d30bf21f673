  // A part of vergadermodus.js (docs/assets/vergadermodus/, joined in name order into one file): the second half
  // of openMeeting, begun in 10-dialoog.js. This part: the timer, moving between questions, the keys, the focus
  // that stays in the dialog, and leaving; it closes openMeeting.
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
    // A button or the explanation pressed with the mouse keeps the focus, without a ring to show it. A presenter who
    // clicks "Vorige vraag" or "Uitleg toetsen (?)" and then goes on with Space or a clicker means the meeting's keys
    // (Space: the next question, as the legend says), not that button again. So only a control reached with Tab, or
    // focused by the meeting itself, takes Space and the scroll keys for itself; Enter always presses a button.
    let pointed = null;
    dialog.addEventListener("pointerdown", (event) => { pointed = event.target.closest("button, [tabindex]"); }, true);
    function keyForControl(event) {
      const target = event.target;
      if (target.tagName === "SELECT") return SELECT_KEYS.includes(event.key) || event.key.length === 1 && !"tT?".includes(event.key);
      if (target === pointed) return target.tagName === "BUTTON" && event.key === "Enter";
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
      else if (event.key === "Tab") { pointed = null; trapFocus(event); }
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
