// With a tile server set (MAP_TILE_URL), draws the results map with Leaflet over its tiles:
// the same numbered markers and search radius as the server-drawn SVG, which stays for
// visitors without JavaScript. Each marker opens a link to its result.
(function () {
  "use strict";
  var data = document.getElementById("results-map-data");
  var container = document.getElementById("results-map-tiles");
  if (!data || !container || !window.L) { return; }
  var config = JSON.parse(data.textContent);
  var figure = container.closest(".results-map");
  container.hidden = false;
  figure.classList.add("results-map--tiles");
  var map = L.map(container, { scrollWheelZoom: false });
  L.tileLayer(config.tiles, { attribution: config.attribution, maxZoom: 18 }).addTo(map);
  map.attributionControl.setPrefix(false);
  if (config.circle) {
    L.circle(config.circle.centre, {
      radius: config.circle.metres, className: "results-map__radius", interactive: false
    }).addTo(map);
  }
  config.markers.forEach(function (item) {
    var number = String(item.number);
    var icon = L.divIcon({
      className: "results-map__pin", html: number, iconSize: [28, 28], iconAnchor: [14, 14]
    });
    var marker = L.marker([item.lat, item.lon], {
      icon: icon, title: number + ". " + item.title, alt: number + ". " + item.title
    });
    var link = document.createElement("a");
    link.href = item.url;
    link.textContent = number + ". " + item.title;
    marker.bindPopup(link).addTo(map);
  });
  map.fitBounds(config.bounds);
})();
