// #Soliday: search the day without a server. The site keeps one small file per hour
// (search/00.json … search/23.json) of each entry's caption, credit, place and the folded words it
// is found by. The first time someone types, all 24 are fetched at once (the browser revalidates
// them after), then every query filters them in memory. Results are built with textContent only:
// every string here is a resident's own words, or a sentence the page gives in the site's language
// (the form's data-say-* attributes, from SiteWords): this file carries no words of its own. Without
// this script the page says how to browse instead.
(function () {
  "use strict";
  var hours = 24;
  var shown = 60; // a screenful or two of results; more words narrow them
  var pause = 200; // ms after the last key before searching: one search per word, not per letter

  var form = document.querySelector("form.search");
  var input = document.getElementById("search-words");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  if (!form || !input || !status || !results || !window.fetch) { return; }

  var notice = document.querySelector(".no-script");
  if (notice) { notice.hidden = true; }
  form.hidden = false;

  var entries = null;
  var timer = 0;
  var lang = document.documentElement.lang;

  function said(name) {
    return form.getAttribute("data-say-" + name);
  }

  // A sentence about a count, in the plural form the page's language gives that count.
  function counted(name, count) {
    var forms = JSON.parse(said(name));
    return forms[new Intl.PluralRules(lang).select(count)] || forms.other;
  }

  // A sentence with its {placeholders} filled, in the order the language puts them: a value is text,
  // a number (written as the language writes it), or an element put where its placeholder stands.
  function fill(sentence, values, into) {
    var holder = into || document.createElement("span");
    sentence.split(/\{(\w+)\}/).forEach(function (part, i) {
      var value = i % 2 ? values[part] : part;
      if (typeof value === "number") { value = value.toLocaleString(lang); }
      if (value !== "") { holder.appendChild(typeof value === "string" ? document.createTextNode(value) : value); }
    });
    return holder.textContent;
  }

  // The same folding as SearchWords.cs: NFD, combining marks dropped, lower case, letters and digits only.
  function words(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function load() {
    if (!entries) {
      var files = [];
      for (var hour = 0; hour < hours; hour++) {
        files.push(fetch("search/" + (hour < 10 ? "0" : "") + hour + ".json")
          .then(function (response) { return response.ok ? response.json() : { entries: [] }; })
          .then(function (file) {
            return (file.entries || []).map(function (entry) {
              entry.hour = file.hour;
              entry.found = " " + entry.words;
              return entry;
            });
          }));
      }
      entries = Promise.all(files).then(function (perHour) { return [].concat.apply([], perHour); });
      entries.catch(function () { entries = null; }); // try again on the next key
    }
    return entries;
  }

  // Every word typed starts some word of the entry: "park" finds "parkrun" and "Brueton Park".
  function matches(entry, query) {
    return query.every(function (word) { return entry.found.indexOf(" " + word) >= 0; });
  }

  function say(text) {
    status.textContent = text;
  }

  function tile(entry) {
    var item = document.createElement("li");
    item.className = entry.thumb ? "tile" : "tile words";
    var link = document.createElement("a");
    link.href = "entries/" + encodeURIComponent(entry.id) + ".html";
    if (entry.thumb) {
      var image = document.createElement("img");
      image.src = entry.thumb;
      image.alt = "";
      image.width = entry.width;
      image.height = entry.height;
      image.loading = "lazy";
      image.decoding = "async";
      link.appendChild(image);
    }
    var caption = document.createElement("span");
    caption.className = "caption";
    caption.textContent = entry.text || fill(said(entry.thumb ? "photo-by" : "written-post-by"), { credit: entry.credit });
    link.appendChild(caption);
    item.appendChild(link);

    var meta = document.createElement("p");
    meta.className = "tile-meta";
    var time = document.createElement("time");
    time.textContent = entry.time;
    fill(said("moment-by"), { moment: time, credit: entry.credit }, meta);
    if (entry.place) {
      var place = document.createElement("span");
      place.className = "place";
      place.textContent = entry.place;
      meta.appendChild(place);
    }
    item.appendChild(meta);
    return item;
  }

  function search() {
    var text = input.value;
    var query = words(text);
    if (!query.length) {
      results.replaceChildren();
      say("");
      return;
    }
    load().then(function (all) {
      if (input.value !== text) { return; } // typed on meanwhile: that search follows
      var found = all.filter(function (entry) { return matches(entry, query); });
      results.replaceChildren.apply(results, found.slice(0, shown).map(tile));
      if (!found.length) {
        say(fill(said("none"), { words: text.trim() }));
      } else {
        say(fill(counted(found.length > shown ? "found-first" : "found", found.length), { count: found.length, shown: shown }));
      }
    }, function () {
      say(said("failed"));
    });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, pause);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    search();
  });

  // search.html?q=park: a search that can be linked to, and what the form sends with scripts on.
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    search();
  }
})();
