// Suggestions for search boxes marked with data-autocomplete: titles and communes, through a
// native <datalist> so that keyboards and screen readers handle it as they already know how.
(function () {
  "use strict";
  var boxes = document.querySelectorAll("input[data-autocomplete]");
  Array.prototype.forEach.call(boxes, function (input, index) {
    var list = document.createElement("datalist");
    list.id = "search-suggestions-" + index;
    input.setAttribute("list", list.id);
    input.parentNode.appendChild(list);
    var timer = null;
    var last = "";
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var value = input.value.trim();
      if (value.length < 2 || value === last) {
        return;
      }
      timer = window.setTimeout(function () {
        last = value;
        var url = input.getAttribute("data-autocomplete") + "?q=" + encodeURIComponent(value);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            list.textContent = "";
            data.suggestions.forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.value;
              option.label = item.label;
              list.appendChild(option);
            });
          })
          .catch(function () { list.textContent = ""; });
      }, 200);
    });
  });
})();
