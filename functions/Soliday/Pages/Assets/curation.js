// Keyboard shortcuts for the curation page. Everything here can also be done with Tab and Enter:
// the shortcuts only save a curator with hundreds of entries a great many key presses.
//   J / K   next / previous entry      A   approve it      R   reject it (type the reason, Enter)
//   E       edit it                    X   select it for a bulk action
(function () {
  "use strict";

  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
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
    if (typing || event.altKey || event.ctrlKey || event.metaKey) {
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
      case "x":
        if (card) {
          var box = card.querySelector("input[type=checkbox]");
          box.checked = !box.checked;
        }
        break;
      default:
        return;
    }
  });
})();
