// Marks that depend on today's date, computed in the visitor's browser so the built site stays the same
// for every build: overdue agreements, planned (future) meetings, and texts that are due for review.
(function () {
  "use strict";
  const today = new Date().toISOString().slice(0, 10); // YYYY-MM-DD, compares as text

  for (const item of document.querySelectorAll("[data-deadline]")) {
    const open = item.dataset.status === "open" || item.dataset.status === "loopt";
    if (open && item.dataset.deadline < today) {
      item.classList.add("ll-te-laat");
      const mark = document.createElement("strong");
      mark.className = "ll-te-laat__label";
      mark.textContent = "te laat";
      item.append(" ", mark);
    }
  }
  for (const meeting of document.querySelectorAll(".ll-tijdlijn > li[data-datum]")) {
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
