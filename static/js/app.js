// The little behaviour the pages need, kept out of the markup so the content-security
// policy can forbid inline scripts, inline styles and eval.
(function () {
  "use strict";
  // Progress bars: markup carries data-percent; the width is set here.
  function paint(root) {
    root.querySelectorAll("[data-percent]").forEach(function (bar) {
      bar.style.width = Math.max(0, Math.min(100, Number(bar.dataset.percent) || 0)) + "%";
    });
  }
  // "Are you sure?" on buttons with data-confirm.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
  });
  // "Add a row" buttons send how many rows the form has (data-row-count="<selector>").
  document.addEventListener("htmx:configRequest", function (event) {
    var selector = event.detail.elt.dataset && event.detail.elt.dataset.rowCount;
    if (selector) event.detail.parameters.i = document.querySelectorAll(selector).length;
  });
  // The phone menu: the button opens and closes the collapsed navigation.
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest(".menu-toggle");
    if (!toggle) return;
    var bar = toggle.closest(".topbar");
    var open = bar.classList.toggle("open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
  // Forms that forgive: after a failed submission, focus goes to the first field in error
  // (marked aria-invalid by the server), so a keyboard or screen-reader user lands on it.
  function focusFirstError(root) {
    // A summary of errors lists each field it names (data-field): mark those fields the
    // server has not already marked (it points them at the message beside them).
    root.querySelectorAll(".error-box [data-field]").forEach(function (item) {
      var input = root.querySelector('[name="' + item.dataset.field + '"]');
      if (!input || input.hasAttribute("aria-invalid")) return;
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", item.id);
    });
    var field = root.querySelector("[aria-invalid=true]");
    if (field && typeof field.focus === "function") field.focus();
  }
  document.addEventListener("DOMContentLoaded", function () { paint(document); focusFirstError(document); });
  document.addEventListener("htmx:load", function (event) { paint(event.detail.elt); });
})();
