// #Soliday: keyboard navigation for the public site. Optional: every page works without it.
// J or → goes to the next entry, K or ← to the previous one: on an entry page it follows the
// "next"/"previous" links; on a list (the day, an hour, a tag) it moves the focus between entries.
// Single-key shortcuts must be possible to turn off (WCAG 2.1.4), so a button in the footer does
// that, remembered in this browser. Arrow keys only act on entry pages, where nothing scrolls sideways.
(function () {
  "use strict";
  var storageKey = "soliday-shortcuts";
  var enabled = read() !== "off";

  function read() {
    try { return window.localStorage.getItem(storageKey); } catch (e) { return null; }
  }

  function write(value) {
    try { window.localStorage.setItem(storageKey, value); } catch (e) { /* private mode: this page only */ }
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName));
  }

  // The tiles of the day page's hours or of an hour page (each entry once, in the order shown);
  // else a tag page's previews.
  function items() {
    var selectors = [".tiles a", "a.preview"];
    for (var i = 0; i < selectors.length; i++) {
      var found = document.querySelectorAll(selectors[i]);
      if (found.length) { return found; }
    }
    return [];
  }

  function move(step) {
    var link = document.querySelector(".pager a[rel=" + (step > 0 ? "next" : "prev") + "]");
    if (document.querySelector("article.entry-page") !== null && link) {
      window.location.href = link.href;
      return;
    }

    var list = Array.prototype.slice.call(items());
    if (!list.length) { return; }
    var current = list.indexOf(document.activeElement);
    if (current < 0) {
      current = list.findIndex(function (item) { return item.contains(document.activeElement); });
    }
    var target = list[Math.min(list.length - 1, Math.max(0, current < 0 ? (step > 0 ? 0 : list.length - 1) : current + step))];
    target.focus();
    target.scrollIntoView({ block: "nearest" });
  }

  // The arrow that points the way the page reads leads on: → in English, ← in Arabic or Hebrew.
  var rightToLeft = document.documentElement.dir === "rtl";
  var onwards = rightToLeft ? "ArrowLeft" : "ArrowRight";
  var back = rightToLeft ? "ArrowRight" : "ArrowLeft";

  document.addEventListener("keydown", function (event) {
    if (!enabled || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || typing(event.target)) { return; }
    var onEntryPage = document.querySelector("article.entry-page") !== null;
    var key = event.key;
    if (key === "j" || key === "J" || (onEntryPage && key === onwards)) {
      move(1);
    } else if (key === "k" || key === "K" || (onEntryPage && key === back)) {
      move(-1);
    } else {
      return;
    }
    event.preventDefault();
  });

  var footer = document.querySelector(".site-footer");
  if (footer) {
    var paragraph = document.createElement("p");
    paragraph.className = "shortcuts";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "link-button";
    // The words are the page's (data-say-*, from the site's language file): this file carries none.
    function label() {
      button.textContent = footer.getAttribute(enabled ? "data-say-shortcuts-off" : "data-say-shortcuts-on");
    }
    button.addEventListener("click", function () {
      enabled = !enabled;
      write(enabled ? "on" : "off");
      label();
    });
    label();
    paragraph.appendChild(button);
    footer.appendChild(paragraph);
  }
})();
