// The atlas script: only enhancements (search has its own, search.js, on the search page only). Every page works and shows everything without it.
// No third-party requests, no inline handlers (the pages' Content-Security-Policy allows only this file).
(function () {
  "use strict";

  // Collection indexes: filter the list by city and sector (server-rendered selects, unhidden here). The choice lives
  // in the address (?cities=chengdu&sectors=digital): restored on load, kept by a reload, and carried by the language
  // switcher's links (the values are slugs, the same in every language). A count, an empty state and a reset.
  function setUpFilters() {
    var filters = document.querySelector("[data-filters]");
    var list = document.querySelector(".entity-list");
    if (!filters || !list) return;
    filters.hidden = false;
    var items = Array.prototype.slice.call(list.children);
    var status = document.querySelector("[data-count-template]");
    var empty = document.querySelector("[data-filter-empty]");
    var selects = Array.prototype.slice.call(filters.querySelectorAll("select"));
    var switches = Array.prototype.slice.call(document.querySelectorAll(".language-switcher a[hreflang]"));
    switches.forEach(function (link) { link.setAttribute("data-base-href", link.getAttribute("href").split("?")[0]); });

    function restore() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var wanted = params.get(select.name) || "";
        var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
        select.value = known ? wanted : "";
      });
    }

    function remember() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        if (select.value) params.set(select.name, select.value); else params.delete(select.name);
      });
      var query = params.toString();
      var suffix = query ? "?" + query : "";
      history.replaceState(history.state, "", window.location.pathname + suffix + window.location.hash);
      switches.forEach(function (link) { link.setAttribute("href", link.getAttribute("data-base-href") + suffix); });
    }

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var visible = selects.every(function (select) {
          if (!select.value) return true;
          return (item.getAttribute("data-" + select.name) || "").split(" ").indexOf(select.value) >= 0;
        });
        item.hidden = !visible;
        if (visible) shown++;
      });
      if (status) {
        status.textContent = status.getAttribute("data-count-template")
          .replace("{0}", String(shown)).replace("{1}", status.getAttribute("data-total") || String(items.length));
      }
      if (empty) empty.hidden = shown > 0;
      list.hidden = shown === 0;
      remember();
    }

    filters.addEventListener("change", apply);
    var reset = filters.querySelector("[data-filter-reset]");
    if (reset) reset.addEventListener("click", function () {
      selects.forEach(function (select) { select.value = ""; });
      apply();
    });
    restore();
    if (selects.some(function (select) { return select.value; })) apply(); else remember();
  }

  // Map page: show or hide layers.
  function setUpMapLayers() {
    var switches = document.querySelector("[data-map-layers]");
    if (!switches) return;
    switches.hidden = false;
    switches.addEventListener("change", function (event) {
      var input = event.target;
      var layer = document.querySelector('[data-layer="' + input.name + '"]');
      if (layer) layer.style.display = input.checked ? "" : "none";
    });
  }

  // Map page: zoom and pan by changing the main svg's viewBox (buttons, wheel, drag, pinch, keyboard). Bounded: never
  // out past the whole base map, never in past 8 times the first frame. Text and markers keep their size on screen
  // (their size in map units is divided by the zoom), so a label stays readable and markers do not swell as the map
  // grows under them. On a narrow screen, where the frame's labels would render under 11 CSS px, the map opens zoomed
  // in just enough for them to reach it, on the densest part of the map; "whole map" shows the frame.
  function setUpMapZoom() {
    var figure = document.querySelector("figure.atlas-map");
    var controls = figure && figure.querySelector("[data-map-zoom]");
    var svg = figure && figure.querySelector(":scope > svg:not(.map-inset)");
    if (!controls || !svg || !svg.getAttribute("viewBox") || !svg.createSVGPoint) return;

    var MAX_ZOOM = 8;
    var MIN_LABEL_PX = 11.25;
    // A marker's hit target (circle.hit) must stay at least 12 CSS px in radius at the first view too.
    var MIN_HIT_PX = 12.25;
    var frameBox = svg.getAttribute("viewBox").trim().split(/[\s,]+/).map(Number);
    var frame = { x: frameBox[0], y: frameBox[1], w: frameBox[2], h: frameBox[3] };
    var aspect = frame.w / frame.h;
    var baseWidth = Number(figure.getAttribute("data-base-width")) || frame.w;
    var baseHeight = Number(figure.getAttribute("data-base-height")) || frame.h;
    // The widest view: the whole base map, at the frame's aspect ratio (the svg keeps its height on the page).
    var widest = Math.max(baseWidth, baseHeight * aspect, frame.w);
    var bounds = { x: baseWidth / 2 - widest / 2, y: baseHeight / 2 - widest / aspect / 2, w: widest, h: widest / aspect };
    bounds.x = Math.min(bounds.x, frame.x); bounds.y = Math.min(bounds.y, frame.y);
    bounds.w = Math.max(bounds.x + bounds.w, frame.x + frame.w) - bounds.x;
    bounds.h = Math.max(bounds.y + bounds.h, frame.y + frame.h) - bounds.y;
    var minWidth = frame.w / MAX_ZOOM;
    var maxWidth = Math.min(widest, bounds.w, bounds.h * aspect);

    // What keeps its screen size: text (font size and halo, set inline), circles (scaled about their centre by a
    // transform, so hover and focus styles still apply), lines (stroke width, set inline while zoomed).
    var texts = [], circles = [], strokes = [];
    Array.prototype.forEach.call(svg.querySelectorAll("text"), function (el) {
      var style = getComputedStyle(el);
      texts.push({ el: el, size: parseFloat(style.fontSize), stroke: parseFloat(style.strokeWidth) || 0, label: el.classList.contains("map-label") });
    });
    Array.prototype.forEach.call(svg.querySelectorAll("circle"), function (el) {
      var m = el.transform.baseVal.consolidate();
      var matrix = m ? m.matrix : svg.createSVGMatrix();
      var point = svg.createSVGPoint();
      point.x = el.cx.baseVal.value; point.y = el.cy.baseVal.value;
      point = point.matrixTransform(matrix);
      circles.push({ el: el, x: point.x, y: point.y, original: el.getAttribute("transform") || "" });
    });
    Array.prototype.forEach.call(svg.querySelectorAll("path, line, polyline"), function (el) {
      var style = getComputedStyle(el);
      if (style.stroke === "none" || style.vectorEffect === "non-scaling-stroke") return;
      var width = parseFloat(style.strokeWidth);
      if (width > 0) strokes.push({ el: el, width: width });
    });

    // The zoom at which the smallest map label renders at 11 CSS px: 1 on a wide screen, more on a phone.
    function readingZoom() {
      var scale = (svg.clientWidth || svg.getBoundingClientRect().width) / frame.w;
      var smallest = Infinity;
      texts.forEach(function (t) { if (t.label && t.size < smallest) smallest = t.size; });
      if (smallest === Infinity) texts.forEach(function (t) { if (t.size < smallest) smallest = t.size; });
      if (!(smallest < Infinity) || !(scale > 0)) return 1;
      var hit = Infinity;
      Array.prototype.forEach.call(svg.querySelectorAll("circle.hit"), function (c) { hit = Math.min(hit, c.r.baseVal.value); });
      var zoom = Math.max(1, MIN_LABEL_PX / (smallest * scale), hit < Infinity ? MIN_HIT_PX / (hit * scale) : 1);
      return Math.min(MAX_ZOOM, zoom);
    }

    var reading = readingZoom();
    var view = { x: frame.x, y: frame.y, w: frame.w };

    function clamp(v) {
      var w = Math.min(maxWidth, Math.max(minWidth, v.w));
      var h = w / aspect;
      var x = Math.min(bounds.x + bounds.w - w, Math.max(bounds.x, v.x));
      var y = Math.min(bounds.y + bounds.h - h, Math.max(bounds.y, v.y));
      return { x: x, y: y, w: w };
    }

    function round(n) { return Math.round(n * 1000) / 1000; }

    function apply(next) {
      view = clamp(next);
      svg.setAttribute("viewBox", [round(view.x), round(view.y), round(view.w), round(view.w / aspect)].join(" "));
      var factor = reading * view.w / frame.w;
      var natural = Math.abs(factor - 1) < 1e-6;
      texts.forEach(function (t) {
        t.el.style.fontSize = natural ? "" : round(t.size * factor) + "px";
        t.el.style.strokeWidth = natural || !t.stroke ? "" : round(t.stroke * factor) + "px";
      });
      circles.forEach(function (c) {
        if (natural) {
          if (c.original) c.el.setAttribute("transform", c.original); else c.el.removeAttribute("transform");
        } else {
          var f = round(factor);
          c.el.setAttribute("transform", "translate(" + round(c.x) + " " + round(c.y) + ") scale(" + f + ") translate(" +
            round(-c.x) + " " + round(-c.y) + ")" + (c.original ? " " + c.original : ""));
        }
      });
      strokes.forEach(function (s) { s.el.style.strokeWidth = natural ? "" : round(s.width * factor) + "px"; });
      zoomIn.disabled = view.w <= minWidth + 1e-6;
      zoomOut.disabled = view.w >= maxWidth - 1e-6;
    }

    // Zoom by a factor (above 1: in) around a point in map units, which stays where it is on screen.
    function zoomAround(factor, px, py) {
      var w = Math.min(maxWidth, Math.max(minWidth, view.w / factor));
      var k = w / view.w;
      apply({ x: px - (px - view.x) * k, y: py - (py - view.y) * k, w: w });
    }

    function zoomCentre(factor) { zoomAround(factor, view.x + view.w / 2, view.y + view.w / aspect / 2); }

    function toMap(clientX, clientY) {
      var point = svg.createSVGPoint();
      point.x = clientX; point.y = clientY;
      return point.matrixTransform(svg.getScreenCTM().inverse());
    }

    function unitsPerPixel() { return 1 / svg.getScreenCTM().a; }

    // The first view: the frame, or on a narrow screen the reading zoom centred where most markers fall in view.
    function firstView() {
      if (reading <= 1) return { x: frame.x, y: frame.y, w: frame.w };
      var w = frame.w / reading, h = w / aspect;
      var points = Array.prototype.map.call(svg.querySelectorAll("circle.marker"), function (el) {
        var box = el.getBBox();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      });
      var best = null, bestCount = -1;
      points.forEach(function (p) {
        var candidate = clamp({ x: p.x - w / 2, y: p.y - h / 2, w: w });
        var count = markersIn(candidate, w, h, points);
        if (count > bestCount) { best = candidate; bestCount = count; }
      });
      return best ? withNameWhole(best, w, h, points) : { x: frame.x + (frame.w - w) / 2, y: frame.y + (frame.h - h) / 2, w: w };
    }

    // The densest spot often lies beside a central city, whose name then runs off the phone's edge: the view moves (by
    // half of itself at most) to show whole a name of an always-labelled place that it cuts, the move that keeps
    // the most markers in view, if it keeps three quarters of them. The first view keeps the labels' size in map units
    // (the zoom is what makes them 11 px), so their boxes now are theirs then.
    function withNameWhole(view, w, h, points) {
      var pad = w * 0.03, before = markersIn(view, w, h, points), best = view, bestCount = -1;
      Array.prototype.forEach.call(svg.querySelectorAll("text.map-label.major"), function (el) {
        var b = el.getBBox();
        var inside = b.x >= view.x && b.x + b.width <= view.x + w && b.y >= view.y && b.y + b.height <= view.y + h;
        if (inside || b.x >= view.x + w || b.x + b.width <= view.x || b.y >= view.y + h || b.y + b.height <= view.y) return;
        var dx = b.x + b.width > view.x + w ? b.x + b.width + pad - (view.x + w) : b.x < view.x ? b.x - pad - view.x : 0;
        var dy = b.y + b.height > view.y + h ? b.y + b.height + pad - (view.y + h) : b.y < view.y ? b.y - pad - view.y : 0;
        if (Math.abs(dx) > w / 2 || Math.abs(dy) > h / 2) return;
        var moved = clamp({ x: view.x + dx, y: view.y + dy, w: w });
        var count = markersIn(moved, w, h, points);
        if (count > bestCount) { best = moved; bestCount = count; }
      });
      return bestCount >= before * 0.75 ? best : view;
    }

    // How many of the markers' centres a view of w by h map units at (v.x, v.y) holds.
    function markersIn(v, w, h, points) {
      var count = 0;
      points.forEach(function (q) { if (q.x >= v.x && q.x <= v.x + w && q.y >= v.y && q.y <= v.y + h) count++; });
      return count;
    }

    var zoomIn = controls.querySelector("[data-zoom=in]");
    var zoomOut = controls.querySelector("[data-zoom=out]");
    controls.hidden = false;
    svg.classList.add("zoomable");
    svg.setAttribute("tabindex", "0");
    svg.setAttribute("aria-describedby", "map-zoom-help");
    apply(firstView());

    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-zoom]");
      if (!button) return;
      var action = button.getAttribute("data-zoom");
      if (action === "in") zoomCentre(1.5);
      else if (action === "out") zoomCentre(1 / 1.5);
      else apply({ x: frame.x, y: frame.y, w: frame.w });
    });

    svg.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var step = view.w * 0.1;
      var key = event.key;
      if (key === "+" || key === "=") zoomCentre(1.5);
      else if (key === "-" || key === "_" || key === "−") zoomCentre(1 / 1.5);
      else if (event.target !== svg) return; // arrows and Home move the map only when the map itself has the focus
      else if (key === "ArrowLeft") apply({ x: view.x - step, y: view.y, w: view.w });
      else if (key === "ArrowRight") apply({ x: view.x + step, y: view.y, w: view.w });
      else if (key === "ArrowUp") apply({ x: view.x, y: view.y - step, w: view.w });
      else if (key === "ArrowDown") apply({ x: view.x, y: view.y + step, w: view.w });
      else if (key === "Home" || key === "0") apply({ x: frame.x, y: frame.y, w: frame.w });
      else return;
      event.preventDefault();
    });

    svg.addEventListener("wheel", function (event) {
      var delta = event.deltaY * (event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1);
      if (!delta) return;
      // At a bound the wheel scrolls the page as usual, so a reader scrolling past the map is not caught by it.
      if ((delta < 0 && view.w <= minWidth + 1e-6) || (delta > 0 && view.w >= maxWidth - 1e-6)) return;
      event.preventDefault();
      var at = toMap(event.clientX, event.clientY);
      zoomAround(Math.exp(-delta * 0.002), at.x, at.y);
    }, { passive: false });

    // Drag to pan with one pointer, pinch with two. A drag that moved the map does not also follow a link.
    var pointers = {};
    var moved = false;
    function count() { return Object.keys(pointers).length; }
    function pair() {
      var ids = Object.keys(pointers), a = pointers[ids[0]], b = pointers[ids[1]];
      return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, d: Math.hypot(a.x - b.x, a.y - b.y) };
    }
    svg.addEventListener("pointerdown", function (event) {
      if (event.pointerType === "mouse" && event.button !== 0) return;
      if (count() === 0) moved = false;
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY, startX: event.clientX, startY: event.clientY };
    });
    svg.addEventListener("pointermove", function (event) {
      var p = pointers[event.pointerId];
      if (!p) return;
      if (count() === 1) {
        if (!moved && Math.hypot(event.clientX - p.startX, event.clientY - p.startY) < 5) return;
        if (!moved) {
          moved = true;
          svg.classList.add("dragging");
          try { svg.setPointerCapture(event.pointerId); } catch (e) { /* a pointer the browser no longer tracks */ }
        }
        var k = unitsPerPixel();
        apply({ x: view.x - (event.clientX - p.x) * k, y: view.y - (event.clientY - p.y) * k, w: view.w });
        p.x = event.clientX; p.y = event.clientY;
      } else if (count() === 2) {
        var before = pair();
        p.x = event.clientX; p.y = event.clientY;
        var after = pair();
        moved = true;
        var k2 = unitsPerPixel();
        // Pan by the midpoint's move, then zoom by the change of the fingers' distance around the midpoint.
        apply({ x: view.x - (after.x - before.x) * k2, y: view.y - (after.y - before.y) * k2, w: view.w });
        if (before.d > 0 && after.d > 0) {
          var at = toMap(after.x, after.y);
          zoomAround(after.d / before.d, at.x, at.y);
        }
      }
    });
    function release(event) {
      delete pointers[event.pointerId];
      if (count() === 0) svg.classList.remove("dragging");
    }
    svg.addEventListener("pointerup", release);
    svg.addEventListener("pointercancel", release);
    svg.addEventListener("click", function (event) {
      if (moved) { event.preventDefault(); event.stopPropagation(); moved = false; }
    }, true);

    // A phone turned sideways: the reading zoom follows the map's new width (the view stays where it is).
    window.addEventListener("resize", function () {
      var next = readingZoom();
      if (Math.abs(next - reading) > 1e-3) { reading = next; apply(view); }
    });
  }

  // The grouped navigation (details/summary, which works without this script). The script only tidies: the phone
  // menu starts folded on a narrow screen and unfolded on a wide one; one group open at a time; Escape or a click
  // elsewhere closes an open group, and Escape returns the focus to its summary.
  function setUpMenu() {
    var menu = document.querySelector("[data-site-menu]");
    if (!menu) return;
    var groups = Array.prototype.slice.call(menu.querySelectorAll("[data-menu-group]"));
    var narrow = window.matchMedia("(max-width: 40rem)");
    function fit() { menu.open = !narrow.matches; }
    fit();
    if (narrow.addEventListener) narrow.addEventListener("change", fit);
    groups.forEach(function (group) {
      group.addEventListener("toggle", function () {
        if (!group.open || narrow.matches) return;
        groups.forEach(function (other) { if (other !== group) other.open = false; });
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var open = groups.filter(function (group) { return group.open; });
      open.forEach(function (group) {
        var focused = group.contains(document.activeElement);
        group.open = false;
        if (focused) group.querySelector("summary").focus();
      });
      if (open.length === 0 && narrow.matches && menu.open && menu.contains(document.activeElement)) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (narrow.matches) return;
      groups.forEach(function (group) { if (group.open && !group.contains(event.target)) group.open = false; });
    });
  }

  setUpMenu();
  setUpFilters();
  setUpMapLayers();
  setUpMapZoom();
})();
