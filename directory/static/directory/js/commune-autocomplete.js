// Suggests communes in the "Près de" field of the directory search (the form works without it).
(function () {
  "use strict";
  var form = document.querySelector("form[data-communes-url]");
  if (!form) { return; }
  var input = form.querySelector("input[name=lieu]");
  var list = document.getElementById("communes-list");
  var timer = null;
  var lastQuery = "";
  input.addEventListener("input", function () {
    var query = input.value.trim();
    window.clearTimeout(timer);
    if (query.length < 2 || query === lastQuery || /\(\d/.test(query)) { return; }
    timer = window.setTimeout(function () {
      lastQuery = query;
      fetch(form.dataset.communesUrl + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" }
      })
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
})();
