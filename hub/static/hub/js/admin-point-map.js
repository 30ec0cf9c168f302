// The small map of a page's point in the admin: drawn as SVG from the communes around the
// chosen one (no tiles, nothing from another host). A click or a drag places the point by hand;
// a new commune moves it to the commune's centre. Without this script the point follows the
// commune on the server.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var WIDTH = 320;
  var HEIGHT = 220;
  var KM_PER_DEGREE = 111.195;
  var ZOOMS = [0.5, 1, 2, 4, 8, 12];
  var LABELS = 6;

  function element(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function enhance(root) {
    var input = function (name) { return document.getElementById(root.dataset[name]); };
    var commune = input("communeInput");
    var latitude = input("latitudeInput");
    var longitude = input("longitudeInput");
    var placed = input("placedInput");
    var tool = root.querySelector("[data-point-tool]");
    var canvas = root.querySelector("[data-point-canvas]");
    var status = root.querySelector("[data-point-status]");
    var state = { centre: null, communes: [], zoom: 3, dragging: false };

    function point() {
      var lat = parseFloat(latitude.value);
      var lon = parseFloat(longitude.value);
      if (isNaN(lat) || isNaN(lon)) { return state.centre; }
      return { latitude: lat, longitude: lon };
    }

    function setPoint(lat, lon, byHand) {
      latitude.value = lat.toFixed(6);
      longitude.value = lon.toFixed(6);
      placed.value = byHand ? "True" : "False";
      status.textContent = byHand ? root.dataset.placedText : root.dataset.followsText;
      draw();
    }

    function projection() {
      // Centred on the commune, or on the point when the commune's centre would hide it.
      var halfKm = ZOOMS[state.zoom];
      var scale = (WIDTH / 2) / (halfKm / KM_PER_DEGREE);
      var here = point();
      var view = state.centre;
      var kx = Math.cos(view.latitude * Math.PI / 180);
      if (Math.abs(here.latitude - view.latitude) * scale > HEIGHT / 2 - 12 ||
          Math.abs(here.longitude - view.longitude) * kx * scale > WIDTH / 2 - 12) {
        view = here;
      }
      return {
        scale: scale,
        to: function (lat, lon) {
          return [WIDTH / 2 + (lon - view.longitude) * kx * scale,
            HEIGHT / 2 - (lat - view.latitude) * scale];
        },
        from: function (x, y) {
          return [view.latitude - (y - HEIGHT / 2) / scale,
            view.longitude + (x - WIDTH / 2) / (kx * scale)];
        }
      };
    }

    function draw() {
      if (!state.centre) { tool.hidden = true; return; }
      tool.hidden = false;
      var project = projection();
      var svg = element("svg", {
        viewBox: "0 0 " + WIDTH + " " + HEIGHT, class: "point-map__svg", tabindex: "0",
        role: "application", "aria-label": root.dataset.mapLabel,
        "aria-describedby": placed.id + "-help"
      });
      svg.appendChild(element("rect", { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: "point-map__ground" }));
      var labelled = 0;
      state.communes.forEach(function (item) {
        var xy = project.to(item.latitude, item.longitude);
        if (xy[0] < -10 || xy[0] > WIDTH + 10 || xy[1] < -10 || xy[1] > HEIGHT + 10) { return; }
        var chosen = item.nom === state.centre.nom &&
          item.latitude === state.centre.latitude && item.longitude === state.centre.longitude;
        svg.appendChild(element("circle", {
          cx: xy[0], cy: xy[1], r: chosen ? 7 : 3,
          class: chosen ? "point-map__commune point-map__commune--chosen" : "point-map__commune"
        }));
        if (chosen || labelled < LABELS) {
          labelled += chosen ? 0 : 1;
          var right = xy[0] > WIDTH - 100;
          svg.appendChild(element("text", {
            x: right ? xy[0] - 6 : xy[0] + 6, y: xy[1] - 6, class: "point-map__label",
            "text-anchor": right ? "end" : "start"
          }, item.nom));
        }
      });
      var km = ZOOMS[state.zoom] >= 4 ? 2 : (ZOOMS[state.zoom] >= 1 ? 0.5 : 0.2);
      var bar = km / KM_PER_DEGREE * project.scale;
      svg.appendChild(element("line", { x1: WIDTH - 8 - bar, y1: HEIGHT - 10, x2: WIDTH - 8, y2: HEIGHT - 10, class: "point-map__scale" }));
      svg.appendChild(element("text", { x: WIDTH - 8 - bar, y: HEIGHT - 14, class: "point-map__label" },
        (km < 1 ? (km * 1000) + " m" : km + " km")));
      var here = point();
      var xy = project.to(here.latitude, here.longitude);
      svg.appendChild(element("circle", { cx: xy[0], cy: xy[1], r: 9, class: "point-map__marker" }));
      svg.appendChild(element("circle", { cx: xy[0], cy: xy[1], r: 2, class: "point-map__marker-dot" }));
      listen(svg, project);
      canvas.replaceChildren(svg);
      if (state.focus) { svg.focus(); state.focus = false; }
    }

    function svgPosition(svg, event) {
      var matrix = svg.getScreenCTM();
      var at = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
      return [at.x, at.y];
    }

    function listen(svg, project) {
      svg.addEventListener("pointerdown", function (event) {
        state.dragging = true;
        var at = project.from.apply(null, svgPosition(svg, event));
        latitude.value = at[0].toFixed(6);
        longitude.value = at[1].toFixed(6);
        placed.value = "True";
        status.textContent = root.dataset.placedText;
        moveMarker(svg, project);
        svg.setPointerCapture(event.pointerId);
      });
      svg.addEventListener("pointermove", function (event) {
        if (!state.dragging) { return; }
        var at = project.from.apply(null, svgPosition(svg, event));
        latitude.value = at[0].toFixed(6);
        longitude.value = at[1].toFixed(6);
        moveMarker(svg, project);
      });
      svg.addEventListener("pointerup", function () {
        state.dragging = false;
        state.focus = true;
        draw();
      });
      svg.addEventListener("keydown", function (event) {
        var steps = { ArrowUp: [1, 0], ArrowDown: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
        var step = steps[event.key];
        if (!step) { return; }
        event.preventDefault();
        var here = point();
        var degrees = ZOOMS[state.zoom] / KM_PER_DEGREE / (event.shiftKey ? 2 : 20);
        var kx = Math.cos(here.latitude * Math.PI / 180);
        state.focus = true;
        setPoint(here.latitude + step[0] * degrees, here.longitude + step[1] * degrees / kx, true);
      });
    }

    function moveMarker(svg, project) {
      var here = point();
      var xy = project.to(here.latitude, here.longitude);
      svg.querySelectorAll(".point-map__marker, .point-map__marker-dot").forEach(function (dot) {
        dot.setAttribute("cx", xy[0]);
        dot.setAttribute("cy", xy[1]);
      });
    }

    function load(moveToCentre) {
      var text = commune.value.trim();
      if (!text) { state.centre = null; draw(); return; }
      var url = root.dataset.mapUrl + "?commune=" + encodeURIComponent(text) +
        "&departement=" + encodeURIComponent(root.dataset.departement || "");
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { commune: null }; })
        .then(function (data) {
          var changed = !state.centre || !data.commune || data.commune.code !== state.centre.code;
          state.centre = data.commune;
          state.communes = data.communes || [];
          if (state.centre && moveToCentre && changed) {
            setPoint(state.centre.latitude, state.centre.longitude, false);
          } else {
            draw();
          }
        })
        .catch(function () { state.centre = null; draw(); });
    }

    root.querySelectorAll("[data-point-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var delta = button.dataset.pointZoom === "in" ? -1 : 1;
        state.zoom = Math.min(ZOOMS.length - 1, Math.max(0, state.zoom + delta));
        draw();
      });
    });
    root.querySelector("[data-point-reset]").addEventListener("click", function () {
      if (state.centre) { setPoint(state.centre.latitude, state.centre.longitude, false); }
    });
    commune.addEventListener("change", function () { load(true); });
    load(false);
  }

  function enhanceAll() { document.querySelectorAll("[data-point-map]").forEach(enhance); }
  // Wagtail loads panel scripts before the form.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
