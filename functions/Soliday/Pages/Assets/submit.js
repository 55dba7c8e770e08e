// #Soliday form enhancements. The form works without this file (four file fields, each with its
// description); with it, a resident picks several photos at once, sees each one with its own
// description box, hears at once what cannot be sent (before a slow upload, not after), and follows
// the upload as it goes. On the wire it is the same form: the n-th "alt" describes the n-th "photo".
// Every sentence it says is the page's, in the site's language (the form's data-say-* attributes,
// from SiteWords), with numbers as the page's language writes them: this file carries no words.
(function () {
  "use strict";

  var form = document.querySelector("form.submission");
  if (!form || !window.FormData || !window.XMLHttpRequest || !window.URL || !FormData.prototype.delete) {
    return; // an older browser sends the plain form, four file fields and all
  }

  var types = ["image/jpeg", "image/png", "image/webp", "image/gif", "image/heic", "image/heif", "image/avif"];
  // Windows and Linux browsers often give an iPhone photo no type at all: its ending says what it is.
  var endings = /\.(heic|heif|avif)$/i;
  var maxBytes = Number(form.getAttribute("data-max-bytes"));
  var maxPhotos = Number(form.getAttribute("data-max-photos"));
  var slots = Array.prototype.slice.call(form.querySelectorAll(".photo-slot"));
  var picker = document.getElementById("photo");
  var upload = form.querySelector(".upload");
  var progress = document.getElementById("upload-progress");
  var status = document.getElementById("upload-status");
  var button = form.querySelector("button[type=submit]");
  // The photo in each slot, in order: a File the resident chose, or one the server kept from the last
  // try ({ kept: token, url, size }), which is sent as its token beside an empty file part.
  var chosen = slots.map(function (slot) {
    var url = slot.getAttribute("data-kept-url");
    var token = slot.querySelector("input[name=kept]");
    return url && token && token.value ? { kept: token.value, url: url, size: Number(slot.getAttribute("data-kept-bytes")) || 0 } : null;
  });
  var urls = slots.map(function () { return null; });
  var refusedPending = false; // the last choice had a photo we cannot take, and the resident was told beside the picker
  var lang = document.documentElement.lang;
  var tenths = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  var percents = new Intl.NumberFormat(lang, { style: "percent" });

  // The page's sentence, its {placeholders} filled (numbers as the page's language writes them).
  function say(name, values) {
    return form.getAttribute("data-say-" + name).replace(/\{(\w+)\}/g, function (placeholder, key) {
      var value = (values || {})[key];
      return typeof value === "number" ? value.toLocaleString(lang) : value;
    });
  }

  function megabytes(bytes) {
    return tenths.format(bytes / (1024 * 1024));
  }

  // A size people can read: "0.0 MB" would look like an empty file.
  function size(bytes) {
    return bytes < 100 * 1024 ? say("less-than", { megabytes: tenths.format(0.1) }) : say("megabytes", { megabytes: megabytes(bytes) });
  }

  function altOf(slot) {
    return slot.querySelector("textarea");
  }

  // An error beside its field, as the server writes it: same id, read with the field.
  // (Before "place" when given: a checkbox's message stands above its row, as the server puts it.)
  function showError(field, message, place) {
    clearError(field);
    var error = document.createElement("p");
    error.id = field.id + "-error";
    error.className = "error-message";
    error.textContent = message;
    var anchor = place || field;
    anchor.parentNode.insertBefore(error, anchor);
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " " + error.id).trim());
  }

  function clearError(field) {
    var error = document.getElementById(field.id + "-error");
    if (error) {
      error.parentNode.removeChild(error);
    }
    field.removeAttribute("aria-invalid");
    var rest = (field.getAttribute("aria-describedby") || "").replace(field.id + "-error", "").trim();
    if (rest) {
      field.setAttribute("aria-describedby", rest);
    } else {
      field.removeAttribute("aria-describedby");
    }
  }

  // One picker for every photo: the first file field takes several, the other three step aside.
  picker.multiple = true;
  picker.removeAttribute("name"); // the photos are sent from the list below, in their order
  var pickerField = picker.parentNode;
  pickerField.querySelector("label").textContent = say("choose");
  var pickerHint = document.createElement("p");
  pickerHint.className = "hint";
  pickerHint.id = "picker-hint";
  pickerHint.textContent = say("choose-hint", { max: maxPhotos });
  pickerField.insertBefore(pickerHint, picker);
  picker.setAttribute("aria-describedby", ((picker.getAttribute("aria-describedby") || "") + " picker-hint").trim());
  slots[0].parentNode.insertBefore(pickerField, slots[0]);

  slots.forEach(function (slot, i) {
    var number = i + 1;
    var fileField = slot.querySelector("input[type=file]");
    if (fileField) {
      // The server's word about this file field (sent without its photo) now stands by the picker.
      var said = fileField.parentNode.querySelector(".error-message");
      if (said) {
        said.classList.add("earlier-error");
        pickerField.insertBefore(said, picker);
        picker.setAttribute("aria-describedby", picker.getAttribute("aria-describedby") + " " + said.id);
      }
      fileField.parentNode.hidden = true;
      fileField.disabled = true;
    }
    var keptNote = slot.querySelector(".kept-photo");
    if (keptNote) {
      keptNote.hidden = true; // said again in the preview below, beside its "Remove" button
    }
    var preview = document.createElement("div");
    preview.className = "chosen-photo";
    var image = document.createElement("img");
    image.alt = say("chosen-alt", { number: number });
    // Most browsers cannot show an iPhone (HEIC) photo, though we take it: its name and size stand in for it.
    image.addEventListener("error", function () { image.hidden = true; });
    var name = document.createElement("p");
    name.className = "hint";
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "link-button";
    remove.textContent = say("remove", { number: number });
    remove.addEventListener("click", function () {
      removePhoto(i);
      picker.focus();
    });
    preview.appendChild(image);
    preview.appendChild(name);
    preview.appendChild(remove);
    slot.insertBefore(preview, slot.firstChild);
  });

  // A slot shows when it holds a photo, or words kept from a post that came back without its photo.
  function render() {
    slots.forEach(function (slot, i) {
      var file = chosen[i];
      var preview = slot.querySelector(".chosen-photo");
      if (urls[i]) {
        URL.revokeObjectURL(urls[i]);
        urls[i] = null;
      }
      preview.hidden = !file;
      if (file && file.kept) {
        preview.querySelector("img").src = file.url;
        preview.querySelector("p").textContent = say("kept");
      } else if (file) {
        urls[i] = URL.createObjectURL(file);
        preview.querySelector("img").hidden = false;
        preview.querySelector("img").src = urls[i];
        preview.querySelector("p").textContent = say("name-and-size", { name: file.name, size: size(file.size) });
      }
      slot.hidden = !file && altOf(slot).value.trim() === "";
    });
  }

  function removePhoto(index) {
    // Later photos move up, each with its own description.
    for (var i = index; i < slots.length - 1; i++) {
      chosen[i] = chosen[i + 1];
      altOf(slots[i]).value = altOf(slots[i + 1]).value;
    }
    chosen[slots.length - 1] = null;
    altOf(slots[slots.length - 1]).value = "";
    slots.forEach(function (slot) { clearError(altOf(slot)); });
    render();
  }

  function freeSlot() {
    for (var i = 0; i < chosen.length; i++) {
      if (!chosen[i]) {
        return i;
      }
    }
    return -1;
  }

  function totalBytes() {
    return chosen.reduce(function (sum, file) { return sum + (file ? file.size : 0); }, 0);
  }

  // The summary's links to the hidden file fields lead to the picker instead.
  Array.prototype.forEach.call(document.querySelectorAll(".error-summary a[href^='#photo-']"), function (link) {
    link.setAttribute("href", "#photo");
  });

  picker.addEventListener("change", function () {
    clearError(picker);
    Array.prototype.forEach.call(pickerField.querySelectorAll(".earlier-error"), function (said) {
      picker.setAttribute("aria-describedby", picker.getAttribute("aria-describedby").replace(said.id, "").trim());
      said.parentNode.removeChild(said);
    });
    var refused = [];
    var added = -1;
    Array.prototype.forEach.call(picker.files || [], function (file) {
      var slot = freeSlot();
      if (slot < 0) {
        refused.push(say("too-many", { max: maxPhotos, name: file.name }));
      } else if (types.indexOf(file.type) < 0 && !endings.test(file.name)) {
        refused.push(say("not-a-picture", { name: file.name }));
      } else if (file.size > maxBytes) {
        refused.push(say("too-large", { name: file.name, megabytes: megabytes(file.size), max: megabytes(maxBytes) }));
      } else {
        chosen[slot] = file;
        added = added < 0 ? slot : added;
      }
    });
    picker.value = ""; // so the same photo can be chosen again after it was removed
    refusedPending = refused.length > 0;
    render();
    if (refused.length > 0) {
      showError(picker, refused.join(" "));
    }
    if (added >= 0 && refused.length === 0) {
      altOf(slots[added]).focus(); // straight to describing the first new photo
    }
  });

  // "It is not 21:15 yet", as the server says it, for a time later than now on the day. The day's
  // date and its zone's offset come with the form, so the browser's own zone does not matter.
  function momentNotYet(value) {
    var day = (form.getAttribute("data-day") || "").split("-");
    var time = /^(\d{1,2}):(\d{2})/.exec(value);
    if (day.length !== 3 || !time) {
      return null;
    }
    var at = Date.UTC(Number(day[0]), Number(day[1]) - 1, Number(day[2]), Number(time[1]), Number(time[2]))
      - Number(form.getAttribute("data-day-offset")) * 60000;
    var ahead = Number(form.getAttribute("data-ahead")) * 60000;
    if (at <= Date.now() + ahead) {
      return null;
    }
    var shown = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", timeZone: "UTC" })
      .format(Date.UTC(2000, 0, 1, Number(time[1]), Number(time[2])));
    return say("not-yet", { time: shown });
  }

  // The boxes below the photos: a time that has not come, words or a photo, and the consent box.
  function checkFields() {
    var firstError = null;
    var moment = document.getElementById("moment");
    if (moment) {
      clearError(moment);
      var notYet = moment.value ? momentNotYet(moment.value) : null;
      if (notYet) {
        showError(moment, notYet);
        firstError = moment;
      }
    }
    var caption = document.getElementById("caption");
    clearError(caption);
    if (!chosen.some(Boolean) && caption.value.trim() === "" && !slots.some(function (slot) { return altOf(slot).value.trim() !== ""; })) {
      showError(caption, say("empty"));
      firstError = firstError || caption;
    }
    var consent = document.getElementById("consent");
    clearError(consent);
    if (!consent.checked) {
      showError(consent, say("consent"), consent.parentNode);
      firstError = firstError || consent;
    }
    return firstError;
  }

  // What the server would refuse, said beside each field before anything is sent.
  function check() {
    var firstError = null;
    slots.forEach(function (slot, i) {
      var alt = altOf(slot);
      clearError(alt);
      var words = alt.value.trim();
      if (chosen[i] && words === "") {
        showError(alt, say("describe", { number: i + 1 }));
        firstError = firstError || alt;
      }
    });
    var missing = slots.filter(function (slot, i) { return !chosen[i] && altOf(slot).value.trim() !== ""; });
    if (missing.length > 0) {
      showError(picker, say("not-chosen"));
      firstError = picker;
    } else if (totalBytes() > maxBytes) {
      showError(picker, say("too-large-together", { megabytes: megabytes(totalBytes()), max: megabytes(maxBytes) }));
      firstError = picker;
    } else if (refusedPending && !chosen.some(Boolean)) {
      // Every photo chosen was refused: sent now, the entry would go without any. Its message stands.
      firstError = picker;
    } else if (!refusedPending) {
      clearError(picker);
    }
    var fieldError = checkFields();
    return firstError || fieldError;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var problem = check();
    if (problem) {
      problem.focus();
      return;
    }

    var data = new FormData(form);
    data.delete("photo");
    data.delete("alt");
    data.delete("kept");
    slots.forEach(function (slot, i) {
      if (chosen[i] && chosen[i].kept) {
        data.append("photo", new Blob([]), ""); // an empty part, in the kept photo's place
        data.append("alt", altOf(slot).value);
        data.append("kept", chosen[i].kept);
      } else if (chosen[i]) {
        data.append("photo", chosen[i], chosen[i].name);
        data.append("alt", altOf(slot).value);
        data.append("kept", "");
      }
    });

    // One click, one upload. (Sent twice anyway, the same form token would name the same entry.)
    button.disabled = true;
    upload.hidden = false;
    progress.value = 0;
    var announced = -1;

    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("Accept", "text/html");
    request.upload.addEventListener("progress", function (e) {
      if (!e.lengthComputable) {
        return;
      }
      var percent = Math.round((e.loaded / e.total) * 100);
      progress.value = percent;
      // Announced in quarters, so a screen reader is told how it goes without being drowned.
      var quarter = Math.floor(percent / 25);
      if (quarter !== announced) {
        announced = quarter;
        status.textContent = say("sent", { percent: percents.format(percent / 100) });
      }
    });
    request.addEventListener("load", function () {
      if (request.status >= 200 && request.status < 300 && request.responseURL && request.responseURL.indexOf("/api/submissions/") > 0) {
        window.location.assign(request.responseURL); // the entry's status page
        return;
      }
      // The server answered with a page of its own (the form with its errors, or a message): show it.
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener("error", function () {
      button.disabled = false;
      upload.hidden = true;
      status.textContent = "";
      showError(picker, say("connection-dropped"));
      picker.focus();
    });
    request.send(data);
  });

  render();

  // A page written in place of this one (the form back with its errors) gets no autofocus from the
  // browser: give the first field in error the focus here (the picker for a file field it replaced).
  var first = document.querySelector("[autofocus]");
  if (first && first.disabled) {
    first = picker;
  }
  if (first && document.activeElement !== first) {
    first.focus();
  }
})();
