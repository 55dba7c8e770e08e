// #Soliday form enhancements. The form works without this file; with it, a resident sees the photo
// they chose, hears at once when it is too large (before a slow upload, not after), and follows the
// upload as it goes.
(function () {
  "use strict";

  var form = document.querySelector("form.submission");
  if (!form || !window.FormData || !window.XMLHttpRequest || !window.URL) {
    return;
  }

  // A page written in place of this one (the form back with its errors) gets no autofocus from the
  // browser: give the first field in error the focus here.
  var first = document.querySelector("[autofocus]");
  if (first && document.activeElement !== first) {
    first.focus();
  }

  var input = form.querySelector("input[type=file]");
  var preview = document.getElementById("photo-preview");
  var upload = form.querySelector(".upload");
  var progress = document.getElementById("upload-progress");
  var status = document.getElementById("upload-status");
  var button = form.querySelector("button[type=submit]");
  var maxBytes = Number(form.getAttribute("data-max-bytes"));
  var errorId = "photo-size-error";
  var previewUrl = null;

  function megabytes(bytes) {
    return (bytes / (1024 * 1024)).toFixed(1);
  }

  function tooLarge(file) {
    return file && file.size > maxBytes;
  }

  function showPhotoError(message) {
    clearPhotoError();
    var error = document.createElement("p");
    error.id = errorId;
    error.className = "error-message";
    error.textContent = message;
    input.parentNode.insertBefore(error, input);
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + errorId).trim());
    input.focus();
  }

  function clearPhotoError() {
    var error = document.getElementById(errorId);
    if (error) {
      error.parentNode.removeChild(error);
      input.removeAttribute("aria-invalid");
      input.setAttribute("aria-describedby", (input.getAttribute("aria-describedby") || "").replace(errorId, "").trim());
    }
  }

  input.addEventListener("change", function () {
    clearPhotoError();
    if (previewUrl) {
      URL.revokeObjectURL(previewUrl);
      previewUrl = null;
    }
    preview.hidden = true;
    preview.textContent = "";

    var file = input.files && input.files[0];
    if (!file) {
      return;
    }
    if (tooLarge(file)) {
      showPhotoError("This photo is too large to send (" + megabytes(file.size) + " MB). Please choose one under " + megabytes(maxBytes) + " MB.");
      return;
    }
    if (/^image\//.test(file.type)) {
      previewUrl = URL.createObjectURL(file);
      var image = document.createElement("img");
      image.src = previewUrl;
      image.alt = "Preview of the photo you chose";
      preview.appendChild(image);
      preview.hidden = false;
    }
  });

  form.addEventListener("submit", function (event) {
    var file = input.files && input.files[0];
    event.preventDefault();
    if (tooLarge(file)) {
      showPhotoError("This photo is too large to send. Please choose one under " + megabytes(maxBytes) + " MB.");
      return;
    }

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
        status.textContent = "Sent " + percent + "%";
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
      showPhotoError("The connection dropped while sending. Please try again: your entry will not be sent twice.");
    });
    request.send(new FormData(form));
  });
})();
