/* Calendar subscriptions follow the site the visitor is on. The build writes the links from the address in the
   region file (site: adres); a region that has not set its real address yet (still the example address), or a copy
   served somewhere else, would send people to another site. So the link and the address to copy are built again
   here from this page's own location and the calendar file's place in the site (data-agenda, relative). */
(function () {
  "use strict";
  if (!/^https?:$/.test(window.location.protocol)) { return; } // a file opened from disk: nothing to subscribe to
  document.querySelectorAll("a.ll-abonneer[data-agenda]").forEach(function (link) {
    var address = new URL(link.getAttribute("data-agenda"), window.location.href);
    link.href = "webcal://" + address.host + address.pathname;
    var field = document.getElementById(link.getAttribute("data-veld") || "");
    if (field) { field.value = address.href; }
  });
})();
