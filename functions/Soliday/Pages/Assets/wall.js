// #Soliday wall: the latest entries as a slideshow for screens at events, kept fed from feed.json.
// Without it the page still shows the latest few entries it was written with, and the QR code.
// Everything from the feed goes into the page as text (textContent, attributes): never as HTML.
// What the wall says itself is the page's, in the site's language (data-say-* on the wall, from SiteWords).
// Pause: the button, or the space bar; the arrow keys go back and forward. With "reduce motion"
// set, slides change without any fade but the wall still advances: a screen at an event is there to
// change, and the pause button (or the space bar) holds any slide for as long as anyone wants.
(function () {
  "use strict";
  var wall = document.querySelector("[data-wall]");
  if (!wall || !window.fetch) { return; }

  // At most this many entries go round; newer ones replace older ones as they are published.
  var showing = 30;
  // Captions longer than this are cut at a word, as the page cuts them: a screen shows a few lines.
  var maxCaption = 280;

  var query = new URLSearchParams(window.location.search);
  var advanceMs = seconds("advance", 8) * 1000;
  var refreshMs = seconds("refresh", 60) * 1000;
  var list = wall.querySelector(".slides");
  var empty = wall.querySelector(".wall-empty");
  var controls = wall.querySelector(".wall-controls");
  var button = wall.querySelector(".wall-pause");
  var position = wall.querySelector(".wall-position");
  var feedUrl = wall.getAttribute("data-feed");
  var current = 0;
  var paused = false;
  var timer = null;
  // The newest entry on the wall (the page's own first slide to begin with), and whether a newer one
  // has come since the last turn.
  var newest = list.querySelector(".slide") ? list.querySelector(".slide").getAttribute("data-id") : "";
  var newer = false;
  var shownFeed = null;
  var lang = document.documentElement.lang;

  // ?advance=3 in the address (or the page's data attribute) sets the pace; a test sets a short one.
  function seconds(name, fallback) {
    var value = parseFloat(query.get(name) || wall.getAttribute("data-" + name + "-seconds"));
    return value > 0 ? value : fallback;
  }

  // The page's sentence, its {placeholders} filled (numbers as the page's language writes them).
  function say(name, values) {
    return wall.getAttribute("data-say-" + name).replace(/\{(\w+)\}/g, function (placeholder, key) {
      var value = values[key];
      return typeof value === "number" ? value.toLocaleString(lang) : value;
    });
  }

  function slides() {
    return list.querySelectorAll(".slide");
  }

  function show(index) {
    var all = slides();
    empty.hidden = all.length > 0;
    if (!all.length) { position.textContent = ""; return; }
    current = (index + all.length) % all.length;
    for (var i = 0; i < all.length; i++) { all[i].hidden = i !== current; }
    position.textContent = say("position", { position: current + 1, count: all.length });
  }

  function schedule() {
    window.clearTimeout(timer);
    if (!paused) {
      timer = window.setTimeout(function () {
        show(newer ? 0 : current + 1);
        newer = false;
        schedule();
      }, advanceMs);
    }
  }

  function move(step) {
    show(current + step);
    schedule(); // a full turn for the slide someone chose
  }

  function setPaused(value) {
    paused = value;
    button.textContent = say(paused ? "play" : "pause", {});
    // Announced while someone holds a slide; silent while it turns by itself (WAI carousel pattern).
    list.setAttribute("aria-live", paused ? "polite" : "off");
    schedule();
  }

  function cut(text) {
    var flat = text.replace(/\s+/g, " ").trim();
    if (flat.length <= maxCaption) { return flat; }
    var at = flat.lastIndexOf(" ", maxCaption);
    return flat.slice(0, at > maxCaption / 2 ? at : maxCaption).replace(/[ ,.;:]+$/, "") + "\u2026";
  }

  function paragraph(className, text) {
    var p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    return p;
  }

  // The feed's addresses are absolute (made for readers elsewhere); the wall asks for the same files
  // beside itself, so a site reached by another name still passes its own Content-Security-Policy.
  function local(url, root) {
    return root && url.indexOf(root) === 0 ? url.slice(root.length) : url;
  }

  function slide(item, id, root) {
    var li = document.createElement("li");
    li.className = "slide";
    li.setAttribute("data-id", id);
    var figure = document.createElement("figure");
    var hasPhoto = typeof item.image === "string";
    var credit = (item.authors && item.authors[0] && item.authors[0].name) || "";
    if (hasPhoto) {
      var img = document.createElement("img");
      var extension = item._soliday || {};
      img.src = local(item.image, root);
      img.alt = extension.image_alt && extension.image_alt.trim() ? extension.image_alt : say("a-photo-by", { credit: credit });
      img.decoding = "async";
      figure.appendChild(img);
    }
    var caption = document.createElement("figcaption");
    // An entry without words has its title as its text in the feed ("A photo by …", in the site's
    // language, OpenEntry.Title): the credit says that already, so it is matched, never shown.
    var untitled = say(hasPhoto ? "a-photo-by" : "words-by", { credit: credit });
    var text = typeof item.content_text === "string" && item.content_text !== untitled ? item.content_text : "";
    if (text.trim()) { caption.appendChild(paragraph(hasPhoto ? "caption" : "caption words", cut(text))); }
    caption.appendChild(paragraph("credit", say(hasPhoto ? "photo-by" : "words-by", { credit: credit })));
    figure.appendChild(caption);
    li.appendChild(figure);
    return li;
  }

  function render(feed) {
    var items = (feed.items || []).slice(0, showing);
    var signature = items.map(function (item) { return item.id + " " + item.date_modified; }).join("\n");
    if (signature === shownFeed) { return; } // the same entries as a minute ago: leave the slides alone
    shownFeed = signature;
    var root = typeof feed.feed_url === "string" ? feed.feed_url.slice(0, feed.feed_url.lastIndexOf("/") + 1) : "";
    var all = slides();
    var shownId = all.length ? all[current].getAttribute("data-id") : null;
    var known = {};
    for (var i = 0; i < all.length; i++) { known[all[i].getAttribute("data-id")] = all[i]; }

    var next = document.createDocumentFragment();
    var index = 0;
    items.forEach(function (item, i) {
      var id = local(item.id, root);
      // A slide already on the wall stays as it is (its photo loaded); an entry changed since is made again.
      var kept = known[id];
      var made = kept && kept.getAttribute("data-modified") === item.date_modified ? kept : slide(item, id, root);
      made.setAttribute("data-modified", item.date_modified || "");
      if (id === shownId) { index = i; }
      next.appendChild(made);
    });
    list.replaceChildren(next);
    var latest = items.length ? local(items[0].id, root) : "";
    // A newly published entry is the next slide, so the people who sent it see it soon.
    newer = newer || (latest !== "" && latest !== newest);
    newest = latest;
    show(index);
  }

  function refresh() {
    return window.fetch(feedUrl, { cache: "no-cache" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (feed) { if (feed) { render(feed); } })
      .catch(function () { /* offline for a moment: keep showing what is here and ask again later */ });
  }

  wall.classList.add("live");
  controls.hidden = false;
  button.addEventListener("click", function () { setPaused(!paused); });
  // The arrow that points the way the page reads leads on: → in English, ← in Arabic or Hebrew.
  var rightToLeft = document.documentElement.dir === "rtl";
  var onwards = rightToLeft ? "ArrowLeft" : "ArrowRight";
  var back = rightToLeft ? "ArrowRight" : "ArrowLeft";
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var onControl = event.target && /^(BUTTON|A|INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
    if (event.key === " " && !onControl) {
      event.preventDefault();
      setPaused(!paused);
    } else if (event.key === onwards) {
      event.preventDefault();
      move(1);
    } else if (event.key === back) {
      event.preventDefault();
      move(-1);
    }
  });

  show(0);
  schedule();
  refresh();
  window.setInterval(refresh, refreshMs);
})();
