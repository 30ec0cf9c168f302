// The served zone as chips: type a commune, EPCI or département name, pick a suggestion (the
// département being edited first), remove a chip with its button. The lines of the textarea,
// one name per line, stay what is posted: without this script the textarea is typed directly.
(function () {
  "use strict";
  var counter = 0;

  function enhance(textarea) {
    counter += 1;
    var chips = document.createElement("ul");
    chips.className = "zone-input__chips";
    var entry = document.createElement("input");
    entry.type = "text";
    entry.autocomplete = "off";
    entry.id = textarea.id + "-entry";
    entry.placeholder = textarea.dataset.addLabel;
    var list = document.createElement("datalist");
    list.id = "zone-suggestions-" + counter;
    entry.setAttribute("list", list.id);
    textarea.hidden = true;
    textarea.after(chips, entry, list);
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      label.htmlFor = entry.id;
    } else {
      entry.setAttribute("aria-label", textarea.dataset.addLabel);
    }

    function names() {
      return textarea.value.split("\n").map(function (line) { return line.trim(); })
        .filter(function (line) { return line; });
    }

    function render() {
      chips.replaceChildren();
      names().forEach(function (name, index) {
        var chip = document.createElement("li");
        chip.className = "zone-input__chip";
        chip.append(name);
        var remove = document.createElement("button");
        remove.type = "button";
        remove.textContent = "×";
        remove.setAttribute("aria-label", textarea.dataset.removeLabel + " " + name);
        remove.addEventListener("click", function () {
          var kept = names();
          kept.splice(index, 1);
          textarea.value = kept.join("\n");
          render();
          entry.focus();
        });
        chip.appendChild(remove);
        chips.appendChild(chip);
      });
    }

    function add() {
      var name = entry.value.trim();
      if (!name) { return; }
      var current = names();
      if (current.indexOf(name) === -1) { current.push(name); }
      textarea.value = current.join("\n");
      entry.value = "";
      list.replaceChildren();
      render();
    }

    var timer = null;
    var labels = [];
    entry.addEventListener("input", function () {
      var query = entry.value.trim();
      if (labels.indexOf(query) !== -1) { add(); return; }
      window.clearTimeout(timer);
      if (query.length < 2) { return; }
      timer = window.setTimeout(function () {
        var url = textarea.dataset.zoneInput + "?zone=1&q=" + encodeURIComponent(query) +
          "&departement=" + encodeURIComponent(textarea.dataset.departement || "");
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            labels = data.results.map(function (item) { return item.label; });
            list.replaceChildren();
            labels.forEach(function (label) {
              var option = document.createElement("option");
              option.value = label;
              list.appendChild(option);
            });
          })
          .catch(function () { list.replaceChildren(); });
      }, 200);
    });
    entry.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); add(); }
    });
    entry.addEventListener("change", add);
    render();
  }

  function enhanceAll() { document.querySelectorAll("textarea[data-zone-input]").forEach(enhance); }
  // Wagtail loads widget scripts before the form.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
