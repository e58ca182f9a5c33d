// The service's upload forms (form[data-upload]): drop files or a .zip on the drop zone, and see
// the upload's progress. The form is sent to its JSON twin (the form's data-upload) with the
// session's CSRF token; on success the browser goes to the request's page, which shows the check's
// state until the report is there. Without this script each form posts as a plain form.
// Everything shown is set as text (textContent), never as HTML.
(function () {
  "use strict";

  function setUp(form) {
    var input = form.querySelector('input[type="file"][name="bundle"]');
    var zone = form.querySelector("[data-dropzone]");
    var bar = form.querySelector("[data-progress]");
    var status = form.querySelector("[data-upload-status]");
    var error = form.querySelector("[data-upload-error]");
    var hint = form.querySelector("[data-drop-hint]");
    if (!input || !zone || !bar || !status || !error) {
      return;
    }
    if (hint) {
      hint.hidden = false;
    }

    function say(text) {
      status.textContent = text;
    }

    function refuse(text) {
      say("");
      error.textContent = text;
      error.hidden = false;
      bar.hidden = true;
    }

    function chosen() {
      var files = input.files || [];
      var total = 0;
      for (var i = 0; i < files.length; i += 1) {
        total += files[i].size;
      }
      return { count: files.length, bytes: total };
    }

    function describe() {
      var picked = chosen();
      say(picked.count === 1 ? "1 file chosen: " + input.files[0].name : picked.count + " files chosen");
    }

    zone.addEventListener("dragover", function (event) {
      event.preventDefault();
      zone.classList.add("over");
    });
    zone.addEventListener("dragleave", function () {
      zone.classList.remove("over");
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      zone.classList.remove("over");
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        describe();
      }
    });
    input.addEventListener("change", describe);

    form.addEventListener("submit", function (event) {
      if (!window.FormData || !window.XMLHttpRequest) {
        return; // the plain form
      }
      event.preventDefault();
      error.hidden = true;
      var picked = chosen();
      var maxFiles = Number(form.dataset.maxFiles);
      var maxBytes = Number(form.dataset.maxBytes);
      if (maxFiles && picked.count > maxFiles) {
        refuse("Too many files: at most " + maxFiles + " in one upload.");
        return;
      }
      if (maxBytes && picked.bytes > maxBytes) {
        refuse("The files are larger than the limit of " + Math.floor(maxBytes / 1048576) + " MB.");
        return;
      }
      var button = form.querySelector("button");
      var request = new XMLHttpRequest();
      request.open("POST", form.dataset.upload);
      request.setRequestHeader("X-CSRF-Token", form.elements.csrf.value);
      request.setRequestHeader("Accept", "application/json");
      request.upload.addEventListener("progress", function (progress) {
        if (progress.lengthComputable) {
          bar.value = Math.round((100 * progress.loaded) / progress.total);
          say("Uploading: " + bar.value + "%");
        }
      });
      request.upload.addEventListener("load", function () {
        bar.value = 100;
        say("Uploaded: the service is storing it and queueing its check…");
      });
      request.addEventListener("load", function () {
        var answer = {};
        try {
          answer = JSON.parse(request.responseText);
        } catch (ignored) {
          answer = {};
        }
        if (request.status === 201 && answer.request) {
          say("Queued: opening the request's page, which shows the check until the report is there.");
          window.location.assign("/requests/" + encodeURIComponent(answer.request));
          return;
        }
        if (button) {
          button.disabled = false;
        }
        refuse(answer.error || "The upload was refused (HTTP " + request.status + ").");
      });
      request.addEventListener("error", function () {
        if (button) {
          button.disabled = false;
        }
        refuse("The upload did not reach the service: it may be over the size limit, or the connection was lost.");
      });
      if (button) {
        button.disabled = true;
      }
      bar.value = 0;
      bar.hidden = false;
      say("Uploading…");
      request.send(new FormData(form));
    });
  }

  document.querySelectorAll("form[data-upload]").forEach(setUp);
})();
