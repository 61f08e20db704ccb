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
  document.addEventListener("DOMContentLoaded", function () { paint(document); });
  document.addEventListener("htmx:load", function (event) { paint(event.detail.elt); });
})();
