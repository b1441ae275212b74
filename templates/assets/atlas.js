// The atlas script: only enhancements. Every page works and shows everything without it.
// No third-party requests, no inline handlers (the pages' Content-Security-Policy allows only this file).
(function () {
  "use strict";

  // Collection indexes: filter the list by city and sector (server-rendered selects, unhidden here).
  function setUpFilters() {
    var filters = document.querySelector("[data-filters]");
    var list = document.querySelector(".entity-list");
    if (!filters || !list) return;
    filters.hidden = false;
    var items = Array.prototype.slice.call(list.children);
    var status = document.querySelector("[data-count-template]");
    var cities = filters.querySelector("select[name=cities]");
    var sectors = filters.querySelector("select[name=sectors]");
    function apply() {
      var city = cities.value;
      var sector = sectors.value;
      var shown = 0;
      items.forEach(function (item) {
        var itemCities = (item.getAttribute("data-cities") || "").split(" ");
        var itemSectors = (item.getAttribute("data-sectors") || "").split(" ");
        var visible = (!city || itemCities.indexOf(city) >= 0) && (!sector || itemSectors.indexOf(sector) >= 0);
        item.hidden = !visible;
        if (visible) shown++;
      });
      if (status) status.textContent = status.getAttribute("data-count-template").replace("{0}", String(shown));
    }
    filters.addEventListener("change", apply);
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

  // Search page: substring search over this language's index (works for Chinese without segmentation).
  function normalize(text) {
    return (text || "").normalize("NFKC").toLowerCase();
  }

  function score(doc, terms) {
    var fields = [[normalize(doc.t), 8], [normalize(doc.a), 6], [normalize(doc.s), 3], [normalize(doc.x), 1]];
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var best = 0;
      for (var j = 0; j < fields.length; j++) {
        if (fields[j][0].indexOf(terms[i]) >= 0 && fields[j][1] > best) best = fields[j][1];
      }
      if (best === 0) return 0;
      total += best;
    }
    return total;
  }

  function search(index, query) {
    var terms = normalize(query).split(/\s+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) return [];
    return index.docs
      .map(function (doc, position) { return { doc: doc, score: score(doc, terms), position: position }; })
      .filter(function (hit) { return hit.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.position - b.position; })
      .slice(0, 50);
  }

  function setUpSearch() {
    var form = document.querySelector("[data-search]");
    if (!form) return;
    var input = form.querySelector("input[type=search]");
    var results = document.querySelector("[data-search-results]");
    var status = document.querySelector("[data-search-status]");
    var root = form.getAttribute("data-root");
    var index = null;

    function render() {
      var query = input.value.trim();
      results.textContent = "";
      if (!index || !query) { status.textContent = ""; return; }
      var hits = search(index, query);
      status.textContent = hits.length === 0 ? form.getAttribute("data-none")
        : form.getAttribute("data-count").replace("{0}", String(hits.length));
      hits.forEach(function (hit) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = root + hit.doc.u;
        a.textContent = hit.doc.t;
        var meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = " · " + hit.doc.c;
        var p = document.createElement("p");
        p.textContent = hit.doc.s;
        li.appendChild(a);
        li.appendChild(meta);
        li.appendChild(p);
        results.appendChild(li);
      });
    }

    fetch(form.getAttribute("data-index"))
      .then(function (response) { return response.json(); })
      .then(function (data) { index = data; render(); });

    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) input.value = params.get("q");
    input.addEventListener("input", render);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var url = new URL(window.location.href);
      url.searchParams.set("q", input.value);
      window.history.replaceState(null, "", url);
      render();
    });
  }

  setUpFilters();
  setUpMapLayers();
  setUpSearch();
})();
