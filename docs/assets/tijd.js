// Marks that depend on today's date, computed in the visitor's browser so the built site stays the same
// for every build: overdue agreements, planned (future) meetings, and texts that are due for review.
// A meeting without a report is built as "aangekondigd, geen verslag" (true on any day); here it becomes "gepland"
// up to and including its date. It never reads as held.
// "Today" is the date in the Netherlands (Europe/Amsterdam), whatever time zone the visitor's computer uses:
// the dates in the content are Dutch dates, so between midnight and 01:00/02:00 the UTC date would be a day off.
(function () {
  "use strict";

  function dutchDate(now) {
    try {
      const parts = new Intl.DateTimeFormat("en-GB", {
        timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit", numberingSystem: "latn",
      }).formatToParts(now);
      const part = (type) => parts.find((p) => p.type === type).value;
      const date = part("year").padStart(4, "0") + "-" + part("month") + "-" + part("day");
      if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
    } catch (error) { /* no time zone data in this browser: fall back to the computer's own date */ }
    const local = new Date(now.getTime() - now.getTimezoneOffset() * 60000);
    return local.toISOString().slice(0, 10);
  }

  const today = dutchDate(new Date()); // YYYY-MM-DD, compares as text

  for (const item of document.querySelectorAll("[data-deadline]")) {
    const open = item.dataset.status === "open" || item.dataset.status === "loopt";
    if (open && item.dataset.deadline < today) {
      item.classList.add("ll-te-laat");
      const mark = document.createElement("strong");
      mark.className = "ll-te-laat__label";
      mark.textContent = "te laat";
      // In a table row the mark goes into the last cell (the status), never loose inside the <tr>.
      (item.tagName === "TR" && item.lastElementChild ? item.lastElementChild : item).append(" ", mark);
    }
  }
  for (const mark of document.querySelectorAll("[data-zonder-verslag][data-datum]")) {
    if (mark.dataset.datum >= today) {
      mark.textContent = "gepland";
      mark.classList.add("ll-gepland");
    }
  }
  for (const meeting of document.querySelectorAll(".ll-tijdlijn > li[data-datum]")) {
    if (meeting.querySelector("[data-zonder-verslag]")) continue; // marked above
    if (meeting.dataset.datum >= today) {
      const mark = document.createElement("span");
      mark.className = "ll-gepland";
      mark.textContent = "gepland";
      const heading = meeting.querySelector("h3");
      (heading || meeting).append(" ", mark);
    }
  }
  for (const notice of document.querySelectorAll("[data-herzien-voor]")) {
    notice.hidden = !(notice.dataset.herzienVoor < today);
  }
})();
