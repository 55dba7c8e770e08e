// #Soliday status page: while an entry is still on its way (being prepared, waiting for a curator,
// being removed), look again by itself and bring the news in without a reload. It asks the status
// JSON (small) every few seconds, and only when that has changed fetches the page itself, and puts
// its new words in place. The headline is a polite live region that stays where it is, so screen
// readers announce the change without moving anyone's focus. Without this file the page offers
// "Check again now", a plain link.
(function () {
  "use strict";

  var main = document.querySelector("main.entry-status");
  if (!main || !window.fetch || !window.DOMParser) {
    return;
  }

  var url = main.getAttribute("data-status-url");
  var seen = main.getAttribute("data-status") + "/" + main.getAttribute("data-erasure");
  // Every 5 s for the first 10 minutes (a curator on the day decides within minutes), then each
  // minute: a page left open all day costs the server little.
  var quickSeconds = 5;
  var slowSeconds = 60;
  var quickFor = 10 * 60 * 1000;
  var started = Date.now();

  // Said only where it is true: with this script running.
  function sayItLooksAgain() {
    Array.prototype.forEach.call(document.querySelectorAll(".auto-refresh"), function (note) { note.hidden = false; });
  }

  function later() {
    var seconds = Date.now() - started < quickFor ? quickSeconds : slowSeconds;
    window.setTimeout(look, seconds * 1000);
  }

  function look() {
    if (document.hidden) {
      later(); // a tab in the background waits: nobody is reading it
      return;
    }
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (!status) {
          later();
          return;
        }
        var now = status.status + "/" + (status.erasure || "");
        if (now === seen) {
          later();
          return;
        }
        return fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin", cache: "no-store" })
          .then(function (response) { return response.text(); })
          .then(function (html) { show(html, now); });
      })
      .catch(function () { later(); }); // offline for a moment: try again, quietly
  }

  function show(html, now) {
    var next = new DOMParser().parseFromString(html, "text/html");
    var nextMain = next.querySelector("main.entry-status");
    var headline = document.getElementById("status-headline");
    var nextHeadline = next.getElementById("status-headline");
    var details = document.getElementById("status-details");
    var nextDetails = next.getElementById("status-details");
    if (!nextMain || !headline || !nextHeadline || !details || !nextDetails) {
      later();
      return;
    }
    details.replaceWith(document.importNode(nextDetails, true));
    headline.className = nextHeadline.className;
    headline.textContent = nextHeadline.textContent; // announced: the region was there all along
    main.setAttribute("data-status", nextMain.getAttribute("data-status"));
    main.setAttribute("data-erasure", nextMain.getAttribute("data-erasure"));
    seen = now;
    if (next.getElementById("status-refresh")) {
      sayItLooksAgain();
      later(); // still on its way: keep looking
    }
  }

  sayItLooksAgain();
  later();
})();
