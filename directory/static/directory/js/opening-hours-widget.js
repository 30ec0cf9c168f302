// The admin's weekly opening-hours grid: "fermé" disables a day's ranges, the advanced box
// switches to the raw OpenStreetMap expression, and the Caf's half-day count is kept live.
(function () {
  "use strict";
  var NOON = "13:00";

  function halfDays(widget) {
    var count = 0;
    widget.querySelectorAll("tr[data-day]").forEach(function (row) {
      if (row.querySelector("input[type=checkbox]").checked) return;
      var morning = false;
      var afternoon = false;
      row.querySelectorAll(".opening-hours-widget__range").forEach(function (cell) {
        var times = cell.querySelectorAll("input[type=time]");
        var start = times[0].value;
        var end = times[1].value;
        if (!start || !end || end <= start) return;
        if (start < NOON) morning = true;
        if (end > NOON) afternoon = true;
      });
      count += (morning ? 1 : 0) + (afternoon ? 1 : 0);
    });
    return count;
  }

  function refresh(widget) {
    widget.querySelectorAll("tr[data-day]").forEach(function (row) {
      var closed = row.querySelector("input[type=checkbox]").checked;
      row.classList.toggle("is-closed", closed);
      row.querySelectorAll("input[type=time]").forEach(function (input) {
        input.disabled = closed;
      });
    });
    var advanced = widget.querySelector("[data-advanced-toggle]").checked;
    widget.classList.toggle("opening-hours-widget--advanced", advanced);
    var warning = widget.querySelector("[data-half-day-warning]");
    var minimum = parseInt(widget.dataset.minimum, 10);
    if (!warning || !minimum || advanced) return;
    var count = halfDays(widget);
    var template = count === 1 ? widget.dataset.warningOne : widget.dataset.warningMany;
    warning.textContent = count < minimum ? template.replace("__count__", count) : "";
    warning.hidden = count >= minimum;
  }

  function setUp(widget) {
    if (widget.dataset.ready) return;
    widget.dataset.ready = "1";
    widget.classList.add("opening-hours-widget--js");
    widget.addEventListener("input", function () { refresh(widget); });
    widget.addEventListener("change", function () { refresh(widget); });
    refresh(widget);
  }

  function setUpAll() {
    document.querySelectorAll("[data-opening-hours-widget]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
