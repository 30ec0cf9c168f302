// Suggests communes, the département being edited first, in the admin's commune fields.
(function () {
  "use strict";
  var counter = 0;
  function enhance(input) {
    if (input.dataset.enhanced) { return; }
    input.dataset.enhanced = "1";
    var list = document.createElement("datalist");
    list.id = "communes-" + (counter += 1);
    input.setAttribute("list", list.id);
    input.after(list);
    var timer = null;
    input.addEventListener("input", function () {
      var query = input.value.trim();
      window.clearTimeout(timer);
      if (query.length < 2 || /\(\d/.test(query)) { return; }
      timer = window.setTimeout(function () {
        var url = input.dataset.communeAutocomplete + "?q=" + encodeURIComponent(query) +
          "&departement=" + encodeURIComponent(input.dataset.departement || "");
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            list.replaceChildren();
            data.results.forEach(function (commune) {
              var option = document.createElement("option");
              option.value = commune.label;
              list.appendChild(option);
            });
          })
          .catch(function () { list.replaceChildren(); });
      }, 200);
    });
  }
  function enhanceAll() {
    document.querySelectorAll("input[data-commune-autocomplete]").forEach(enhance);
  }
  enhanceAll();
  // Inline panels (itinerant stops) add fields later.
  new MutationObserver(enhanceAll).observe(document.body, { childList: true, subtree: true });
})();
