// The curation page's helpers. Everything here can also be done with Tab and Enter, and the page
// works without it: the shortcuts only save a curator with hundreds of entries a great many key presses.
//   J / K   next / previous entry      A   approve it      R   reject it (type the reason, Enter)
//   E       edit it                    O   open its photo large      X   select it for a bulk action
// It also keeps the curator's place (the card an action came back to gets the focus), ticks every
// box with "select all", and says, politely, how many entries arrived since the page was opened.
(function () {
  "use strict";

  var POLL_MS = 30000; // a small read of one blob; often enough to notice work, rarely enough to cost nothing

  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));

  // After an action the page comes back at the next card (#c-<id>): give it the focus, so J, K and
  // Tab carry on from there. A card that is gone (decided by someone else) leaves it at the list's title.
  (function keepPlace() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) {
      return;
    }
    var target = document.getElementById(id) || (id.indexOf("c-") === 0 ? document.getElementById("entries-title") : null);
    if (target && target.hasAttribute("tabindex")) {
      target.focus();
    }
  })();

  // "Select all": without scripts a link that reloads with every box ticked; here a box that ticks them at once.
  (function selectAll() {
    var link = document.getElementById("select-all-link");
    var choice = document.getElementById("select-all-choice");
    var all = document.getElementById("select-all");
    if (!link || !choice || !all) {
      return;
    }
    link.hidden = true;
    choice.hidden = false;
    var boxes = Array.prototype.slice.call(document.querySelectorAll("article.card input[name=ids]"));
    all.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
    });
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        all.checked = boxes.every(function (b) { return b.checked; });
      });
    });
  })();

  // The large photo in a dialog (Escape or the button closes it, and the focus goes back); the link still works without this.
  var dialog = (function photoDialog() {
    if (typeof HTMLDialogElement !== "function") {
      return null;
    }
    var d = document.createElement("dialog");
    d.className = "photo-dialog";
    d.setAttribute("aria-label", "The photo, large");
    var img = document.createElement("img");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "button";
    close.textContent = "Close";
    close.addEventListener("click", function () { d.close(); });
    d.appendChild(close);
    d.appendChild(img);
    document.body.appendChild(d);
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[data-large]");
      if (!link) {
        return;
      }
      event.preventDefault();
      img.src = link.getAttribute("data-large");
      img.alt = link.getAttribute("data-alt") || "";
      d.showModal();
      close.focus();
    });
    return d;
  })();

  // "N new since you opened this page": a poll of the board's counts while the tab is in view.
  (function newSinceOpened() {
    var region = document.getElementById("new-entries");
    if (!region || !window.fetch) {
      return;
    }
    var opened = Number(region.getAttribute("data-arrived"));
    var shown = 0;
    var timer = null;

    function say(count) {
      if (count === shown) {
        return; // the same number again is not news: nothing is re-announced
      }
      shown = count;
      region.textContent = "";
      if (count <= 0) {
        return;
      }
      region.appendChild(document.createTextNode(count + (count === 1 ? " new entry" : " new entries") + " since you opened this page. "));
      var link = document.createElement("a");
      link.href = region.getAttribute("data-newest-url");
      link.textContent = "Show the newest first";
      region.appendChild(link);
    }

    function poll() {
      fetch(region.getAttribute("data-counts-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (counts) {
          if (counts && typeof counts.arrived === "number") {
            say(counts.arrived - opened);
          }
          // A problem the public reported is work too: the "Reports" count beside the states keeps up.
          var reports = document.getElementById("count-reports");
          if (counts && reports && typeof counts.reports === "number") {
            reports.textContent = String(counts.reports);
          }
        })
        .catch(function () { /* offline for a moment: the next poll tries again */ });
    }

    function start() {
      if (timer === null && !document.hidden) {
        timer = setInterval(poll, POLL_MS);
      }
    }

    function stop() {
      if (timer !== null) {
        clearInterval(timer);
        timer = null;
      }
    }

    document.addEventListener("visibilitychange", function () {
      if (document.hidden) {
        stop();
      } else {
        poll(); // back on the tab: catch up at once
        start();
      }
    });
    start();
  })();

  if (cards.length === 0) {
    return;
  }

  function current() {
    var active = document.activeElement;
    return active && active.closest ? active.closest("article.card") : null;
  }

  function focusCard(index) {
    var card = cards[Math.max(0, Math.min(cards.length - 1, index))];
    card.focus();
    card.scrollIntoView({ block: "nearest" });
  }

  function press(card, shortcut) {
    var control = card && card.querySelector("[data-shortcut='" + shortcut + "']");
    if (control) {
      control.click();
    }
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) && target.type !== "checkbox";

    // Enter in a reason box rejects that entry (the form's own Enter does nothing, on purpose).
    if (typing && event.key === "Enter" && target.getAttribute("data-shortcut") === "reason") {
      event.preventDefault();
      press(target.closest("article.card"), "reject");
      return;
    }
    if (typing || event.altKey || event.ctrlKey || event.metaKey || (dialog && dialog.open)) {
      return;
    }

    var card = current();
    var index = card ? cards.indexOf(card) : -1;
    switch (event.key.toLowerCase()) {
      case "j":
        focusCard(index + 1);
        break;
      case "k":
        focusCard(index < 0 ? 0 : index - 1);
        break;
      case "a":
        press(card, "approve");
        break;
      case "r":
        if (card) {
          event.preventDefault(); // the R must not be typed into the box it opens
          card.querySelector("[data-shortcut='reason']").focus();
        }
        break;
      case "e":
        press(card, "edit");
        break;
      case "o":
        press(card, "open");
        break;
      case "x":
        if (card) {
          var box = card.querySelector("input[type=checkbox]");
          box.checked = !box.checked;
          box.dispatchEvent(new Event("change"));
        }
        break;
      default:
        return;
    }
  });
})();
