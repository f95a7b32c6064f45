// Lantern's only script: small enhancements. Every page works without it.
(function () {
  "use strict";

  // Keyboard: "/" jumps to the global search (as on GOV.UK and GitHub), unless typing in a field.
  // Keyboard shortcuts (listed at /shortcuts): "/" to search, "g" then a letter to go to a page,
  // "?" for the list. Never while typing in a field, and never with a modifier key.
  var goTo = { h: "/", w: "/my-work", t: "/team", f: "/front-door", c: "/children", e: "/early-help", p: "/performance", r: "/returns" };
  var waitingForG = false;
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var tag = (document.activeElement && document.activeElement.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (document.activeElement && document.activeElement.isContentEditable)) return;
    if (waitingForG) {
      waitingForG = false;
      var target = goTo[event.key];
      // Only to pages in this user's navigation, so a shortcut never leads to a refusal.
      if (target && document.querySelector('.nav a[href="' + target + '"]')) { event.preventDefault(); window.location.href = target; }
      return;
    }
    if (event.key === "/") {
      var search = document.getElementById("global-search");
      if (search) { event.preventDefault(); search.focus(); }
    } else if (event.key === "g") {
      waitingForG = true;
      window.setTimeout(function () { waitingForG = false; }, 1500);
    } else if (event.key === "?") {
      event.preventDefault();
      window.location.href = "/shortcuts";
    }
  });

  // An error summary takes focus, so a screen reader reads the problems first.
  var summary = document.querySelector(".error-summary");
  if (summary) summary.focus();

  // Drafts: long forms (data-draft) are saved to the server as the user types and when they leave,
  // and offered back when the form opens again, so a dropped connection or a timeout loses nothing.
  var csrf = document.querySelector('meta[name="csrf-token"]');
  document.querySelectorAll("form[data-draft]").forEach(function (form) {
    if (!csrf || !window.fetch) return;
    var key = form.getAttribute("data-draft");
    var url = "/drafts/" + encodeURIComponent(key);
    var headers = { "Content-Type": "application/json", "X-CSRF-Token": csrf.getAttribute("content") };
    var fields = function () {
      var data = {};
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || el.name === "_csrf" || el.type === "password" || el.type === "file" || el.type === "hidden") return;
        if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
        if (el.type === "checkbox") { (data[el.name] = data[el.name] || []).push(el.value); return; }
        data[el.name] = el.value;
      });
      return data;
    };
    var hasErrors = !!document.querySelector(".error-summary");
    var timer = null;
    var save = function () {
      fetch(url, { method: "PUT", headers: headers, body: JSON.stringify({ fields: fields() }), credentials: "same-origin", keepalive: true });
    };
    form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(save, 1500); });
    window.addEventListener("pagehide", save);
    form.addEventListener("submit", function () { window.removeEventListener("pagehide", save); clearTimeout(timer); });
    if (hasErrors) return; // the server already gave back what was typed
    fetch(url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : null; }).then(function (draft) {
      if (!draft || !draft.fields || Object.keys(draft.fields).length === 0) return;
      var notice = document.createElement("div");
      notice.className = "notice";
      notice.setAttribute("role", "status");
      notice.textContent = "Your unsaved draft from " + new Date(draft.savedAt).toLocaleString("en-GB") + " has been put back. ";
      var discard = document.createElement("button");
      discard.type = "button";
      discard.className = "link-button link-button--dark";
      discard.textContent = "Discard it";
      discard.addEventListener("click", function () {
        fetch(url, { method: "DELETE", headers: headers, credentials: "same-origin" }).then(function () { window.location.reload(); });
      });
      notice.appendChild(discard);
      form.parentNode.insertBefore(notice, form);
      Object.keys(draft.fields).forEach(function (name) {
        var value = draft.fields[name];
        Array.prototype.forEach.call(form.querySelectorAll('[name="' + name.replace(/"/g, "") + '"]'), function (el) {
          if (el.type === "radio") el.checked = el.value === value;
          else if (el.type === "checkbox") el.checked = Array.isArray(value) && value.indexOf(el.value) >= 0;
          else el.value = value;
        });
      });
    });
  });
})();
