  // A part of vergadermodus.js (docs/assets/vergadermodus/, joined in name order into one file). This part:
  // printing (as cards, and the date line under the title), and the buttons of every set's tools. It closes
  // the function that 10-dialoog.js opens.

  // Cards: one question per card, four to an A4 sheet, with dashed cut lines; only while printing. On the example
  // site every card carries the footer's note that it is the example site (a card is read on its own).
  function printCards(title, questions) {
    const sheet = element("div", "ll-kaartenvel");
    const note = document.querySelector(".ll-voet__voorbeeld");
    for (const question of questions) {
      const card = element("div", "ll-kaartje");
      card.append(element("p", "ll-kaartje__vraag", question.tekst),
        element("p", "ll-kaartje__bron", [question.bouwsteen, title].filter(Boolean).join(" · ")));
      if (note) card.append(element("p", "ll-kaartje__voorbeeld", plain(note.textContent).replace(/\s+/g, " ")));
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
