/* Gongkai's own script: progressive enhancement only. Every page works without it. */
(function () {
  "use strict";
  var SIZES = ["small", "medium", "large"];

  // 字体 大/中/小: apply at once and remember it in the cookie the server reads.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-font-size]");
    if (!button) { return; }
    var size = button.getAttribute("data-font-size");
    if (SIZES.indexOf(size) < 0) { return; }
    event.preventDefault();
    document.cookie = "font_size=" + size + "; path=/; max-age=31536000; samesite=lax";
    SIZES.forEach(function (s) { document.documentElement.classList.remove("fs-" + s); });
    document.documentElement.classList.add("fs-" + size);
    document.querySelectorAll("[data-font-size]").forEach(function (other) {
      var current = other.getAttribute("data-font-size") === size;
      other.classList.toggle("is-current", current);
      other.setAttribute("aria-pressed", current ? "true" : "false");
    });
  });

  // The navigation folds into a button on a phone.
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest(".nav-toggle");
    if (!toggle) { return; }
    var list = document.getElementById(toggle.getAttribute("aria-controls"));
    var open = list.classList.toggle("is-open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });

  // Live countdowns of the incident clocks (data-due: the mark as an ISO local time; the page
  // drew the same text on the server, so without the script it is right to the minute it loaded).
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    document.querySelectorAll("[data-countdown-due]").forEach(function (node) {
      var left = Math.round((new Date(node.getAttribute("data-countdown-due")) - new Date()) / 60000);
      var minutes = Math.abs(left);
      var text = Math.floor(minutes / 60) + "小时" + pad(minutes % 60) + "分";
      node.textContent = left < 0 ? "已超时 " + text : "剩余 " + text;
    });
  }
  if (document.querySelector("[data-countdown-due]")) { tick(); window.setInterval(tick, 30000); }
})();
