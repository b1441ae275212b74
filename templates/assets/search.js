// The search page's script: cuts a query into terms exactly as the build cut the text (src/Atlas/Text/SearchTerms.cs,
// checked against the same examples, tests/search/folding.tsv), fetches only the index shards those terms need
// (/search/<lang>/, written by src/Atlas/Exports/SearchIndexWriter.cs), ranks, and shows the results. No inline
// code, no eval: the pages' Content-Security-Policy allows only scripts from the site. The same file runs in Node
// (tests/search/evaluate.mjs runs the fixed query list with this ranking over a built site).
(function (factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else if (typeof document !== "undefined") api.start();
})(function () {
  "use strict";

  // ---- Folding and segmentation (the build's SearchTerms, rule for rule) ----
  var JOINERS = "'’ʼ‘`-‐‑‒–—";
  var STOP = "的之和与及或在了是等";
  var DIACRITICS = "àaáaâaãaäaåaāaăaąaǎaçcćcčcďdđdèeéeêeëeēeĕeėeęeěeìiíiîiïiīiĭiįiǐiñnńnňnòoóoôoõoöoøoōoŏoőoǒoùuúuûuüuūuŭuůuűuųuǔuǖuǘuǚuǜuýyÿyśsšsşsźzžzżzłlľlĺlŕrřrťtţtğgßs";
  var BASE = {};
  for (var d = 0; d + 1 < DIACRITICS.length; d += 2) BASE[DIACRITICS[d]] = DIACRITICS[d + 1];
  var LETTER = /[\p{L}\p{N}]/u;

  function isHan(c) {
    var n = c.charCodeAt(0);
    return (n >= 0x3400 && n <= 0x4dbf) || (n >= 0x4e00 && n <= 0x9fff) || (n >= 0xf900 && n <= 0xfaff);
  }

  function foldChar(c) {
    var n = c.charCodeAt(0);
    if (n >= 0xff01 && n <= 0xff5e) c = String.fromCharCode(n - 0xfee0);
    else if (n === 0x3000) c = " ";
    var lower = c.toLowerCase();
    if (lower.length === 1) c = lower;
    return BASE[c] || c;
  }

  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) out += foldChar(text[i]);
    return out;
  }

  function isWord(c) {
    if ((c >= "a" && c <= "z") || (c >= "0" && c <= "9")) return true;
    var n = c.charCodeAt(0);
    return n > 0x24f && n < 0x3000 && !isHan(c) && LETTER.test(c);
  }

  function isUmlaut(c) { return "üǖǘǚǜÜ".indexOf(c) >= 0; }

  function cut(text, query) {
    var out = [];
    var i = 0;
    while (i < text.length) {
      var c = foldChar(text[i]);
      if (isHan(c)) {
        var start = i;
        while (i < text.length && isHan(text[i])) i++;
        var run = text.slice(start, i);
        if (query) hanQueryTerms(run, out); else hanTerms(run, out);
      } else if (isWord(c)) {
        var parts = [], part = "", withV = "", hasU = false;
        while (i < text.length) {
          var folded = foldChar(text[i]);
          if (isWord(folded)) {
            part += folded;
            var umlaut = isUmlaut(text[i]);
            hasU = hasU || umlaut;
            withV += umlaut ? "v" : folded;
            i++;
          } else if (JOINERS.indexOf(folded) >= 0 && part.length > 0 && i + 1 < text.length && isWord(foldChar(text[i + 1]))) {
            parts.push(part); part = ""; i++;
          } else break;
        }
        parts.push(part);
        if (!query && parts.length > 1) parts.forEach(function (p) { out.push(p); });
        out.push(parts.join(""));
        if (hasU && !query) out.push(withV);
      } else i++;
    }
    return out;
  }

  function hanTerms(run, out) {
    for (var i = 0; i < run.length; i++) {
      out.push(run[i]);
      if (i + 1 < run.length) out.push(run.slice(i, i + 2));
    }
  }

  function hanQueryTerms(run, out) {
    var pieces = [], piece = "";
    for (var i = 0; i < run.length; i++) {
      if (STOP.indexOf(run[i]) >= 0) { if (piece) pieces.push(piece); piece = ""; } else piece += run[i];
    }
    if (piece) pieces.push(piece);
    pieces.forEach(function (p) {
      if (p.length === 1) out.push(p);
      for (var j = 0; j + 1 < p.length; j++) out.push(p.slice(j, j + 2));
    });
  }

  function terms(text) { return cut(text, false); }

  function queryTerms(query) {
    var seen = {};
    return cut(query, true).filter(function (t) { if (seen[t]) return false; seen[t] = true; return true; });
  }

  function nameKey(name) {
    var out = "";
    for (var i = 0; i < name.length; i++) {
      var c = foldChar(name[i]);
      if (isWord(c) || isHan(c)) out += c;
    }
    return out;
  }

  // ---- The index: shards fetched on demand, kept for later queries ----
  var FIELD_WEIGHT = [1, 3, 6, 10];          // text and field values, summary or collection, other name or pinyin, own name
  var EXACT_KEY = [1000, 950, 900, 400];       // the name, without its unit, its pinyin, another language's name
  var PREFIX_MIN = 3;                          // a Latin term this long also finds the words it starts
  var MAX_NAME_CHILDREN = 12;
  var LINK_WEIGHT = 1;
  var KIND_WEIGHT = 5;                         // per query word found in a document's collection title (times its rarity)                         // per step of how much the site points at a document (meta.links)                  // shards fetched to find names a query starts (else only exact names)

  // load(path) resolves to the parsed JSON of a file of the language's index ("meta.json", "t/ch.json", ...);
  // text(path) to a file's text.
  function Index(load, text) {
    this.load = load;
    this.loadText = text;
    this.meta = null;
    this.shards = {};
    this.blocks = {};
    this.texts = {};
  }

  Index.prototype.ready = function () {
    var self = this;
    if (!this.metaPromise) {
      this.metaPromise = this.load("meta.json").then(function (meta) {
        self.meta = meta;
        self.shardSet = {};
        meta.shards.forEach(function (s) { self.shardSet[s] = true; });
        return meta;
      });
    }
    return this.metaPromise;
  };

  // The longest shard prefix of a key (where it is, or would be).
  Index.prototype.route = function (key) {
    for (var n = key.length; n >= 1; n--) if (this.shardSet[key.slice(0, n)]) return key.slice(0, n);
    return null;
  };

  // The shard prefixes longer than the key that start with it (where the words it starts live after a split).
  Index.prototype.children = function (key) {
    var list = this.meta.shards, out = [];
    var lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid] < key) lo = mid + 1; else hi = mid; }
    for (var i = lo; i < list.length && list[i].slice(0, key.length) === key; i++) if (list[i] !== key) out.push(list[i]);
    return out;
  };

  Index.prototype.shard = function (prefix) {
    var self = this;
    if (!this.shards[prefix]) {
      this.shards[prefix] = this.load("t/" + shardFile(prefix) + ".json").then(function (data) {
        self.shards[prefix] = Promise.resolve(data);
        return data;
      });
    }
    return this.shards[prefix];
  };

  function shardFile(prefix) {
    var out = "";
    for (var i = 0; i < prefix.length; i++) {
      var c = prefix[i];
      if ((c >= "a" && c <= "z") || (c >= "0" && c <= "9")) out += c;
      else out += "_" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    }
    return out;
  }

  function isLatinTerm(t) { return !isHan(t[0]); }

  // Every entry of the map ("t": terms, "n": name keys) of the given shards whose key passes the test.
  function entries(shards, map, test, fn) {
    var seen = {};
    shards.forEach(function (shard) {
      var m = shard[map];
      for (var key in m) {
        if (Object.prototype.hasOwnProperty.call(m, key) && !seen[key] && test(key)) { seen[key] = true; fn(key, m[key]); }
      }
    });
  }

  function eachPosting(list, fn) {
    var doc = 0;
    for (var i = 0; i + 1 < list.length; i += 2) { doc += list[i]; fn(doc, list[i + 1]); }
  }

  // A query holding another way of writing a name (meta.synonyms: a glossary's replaced wording, cut into terms as
  // the query is) searches for the name instead: "western land-sea corridor" for 西部陆海新通道's English name.
  function withSynonyms(meta, query) {
    var qterms = queryTerms(query);
    var found = null;
    (meta.synonyms || []).forEach(function (pair) {
      var alt = queryTerms(pair[0]);
      if (found || alt.length === 0 || alt.length > qterms.length) return;
      for (var i = 0; i + alt.length <= qterms.length; i++) {
        if (alt.every(function (t, j) { return qterms[i + j] === t; })) { found = { at: i, length: alt.length, name: pair[1] }; return; }
      }
    });
    if (!found) return query;
    return qterms.slice(0, found.at).concat([found.name], qterms.slice(found.at + found.length)).join(" ");
  }

  // Ranks the documents for a query: { terms, hits: [{doc, score}] best first, every match counted }.
  Index.prototype.search = function (query) {
    var self = this;
    return this.ready().then(function (meta) {
      query = withSynonyms(meta, query);
      var qterms = queryTerms(query);
      var key = nameKey(query);
      if (qterms.length === 0 && !key) return { terms: [], hits: [] };
      var needed = {}, plans = [];
      qterms.forEach(function (t) {
        var prefixes = [self.route(t)].concat(isLatinTerm(t) && t.length >= PREFIX_MIN ? self.children(t) : []);
        prefixes.forEach(function (p) { if (p) needed[p] = true; });
        plans.push({ term: t, prefixes: prefixes.filter(Boolean) });
      });
      var keyPrefixes = [];
      if (key) {
        var children = self.children(key);
        keyPrefixes = [self.route(key)].concat(children.length <= MAX_NAME_CHILDREN ? children : []).filter(Boolean);
        keyPrefixes.forEach(function (p) { needed[p] = true; });
      }
      var names = Object.keys(needed).sort();
      return Promise.all(names.map(function (p) { return self.shard(p); })).then(function (loaded) {
        var byPrefix = {};
        names.forEach(function (p, i) { byPrefix[p] = loaded[i]; });
        return rank(meta, qterms, key, plans.map(function (plan) {
          return { term: plan.term, shards: plan.prefixes.map(function (p) { return byPrefix[p]; }) };
        }), keyPrefixes.map(function (p) { return byPrefix[p]; }));
      });
    });
  };

  function rank(meta, qterms, key, plans, keyShards) {
    var count = meta.docs, links = meta.links, of = meta.of;
    var kindTerms = meta.collections.map(function (c) {
      var set = {};
      terms(c.title).forEach(function (t) { set[t] = true; });
      return set;
    });
    var idfs = qterms.map(function () { return 0; });
    var docs = {};
    function entry(doc) {
      return docs[doc] || (docs[doc] = { doc: doc, best: new Array(qterms.length).fill(0), own: 0, ownLength: 1, other: 0, otherLength: 1, tiers: [0, 0, 0, 0] });
    }
    plans.forEach(function (plan, ti) {
      var prefix = isLatinTerm(plan.term) && plan.term.length >= PREFIX_MIN;
      var ownSeen = {}, otherSeen = {};
      entries(plan.shards, "t", function (k) { return k === plan.term || (prefix && k.slice(0, plan.term.length) === plan.term); }, function (k, list) {
        var df = list.length / 2;
        var idf = Math.log(1 + count / df);
        if (k === plan.term) idfs[ti] = idf;
        var factor = k === plan.term ? 1 : 0.5;
        eachPosting(list, function (doc, code) {
          var field = code & 3, e = entry(doc);
          var w = FIELD_WEIGHT[field] * idf * factor;
          if (w > e.best[ti]) e.best[ti] = w;
          if (field === 3 && !ownSeen[doc]) { ownSeen[doc] = true; e.own++; e.ownLength = code >> 2; }
          if (field === 2 && !otherSeen[doc]) { otherSeen[doc] = true; e.other++; e.otherLength = code >> 2; }
        });
      });
    });
    if (key) {
      entries(keyShards, "n", function (k) { return k.slice(0, key.length) === key && (k === key || key.length >= 2); }, function (k, list) {
        var exact = k === key, coverage = key.length / k.length;
        eachPosting(list, function (doc, kind) {
          var e = entry(doc);
          var score = exact ? EXACT_KEY[kind] : (kind === 3 ? 200 : 500) + 100 * coverage;
          var slot = kind === 1 ? 0 : kind;
          if (score > e.tiers[slot]) e.tiers[slot] = score;
        });
      });
    }
    // A name that holds every term of the query counts like a name that starts with it (川渝高竹新区 for 高竹).
    var size = Math.max(1, key.length);
    var hits = [];
    for (var id in docs) {
      var e = docs[id];
      if (qterms.length && e.own === qterms.length) e.tiers[0] = Math.max(e.tiers[0], 500 + 100 * Math.min(1, size / e.ownLength));
      if (qterms.length && e.other === qterms.length) e.tiers[3] = Math.max(e.tiers[3], 200 + 100 * Math.min(1, size / e.otherLength));
      // This language's name (as written, without its unit, or its pinyin), then a tenth of another language's.
      var tier = Math.max(e.tiers[0], e.tiers[2]) || e.tiers[3];
      var all = e.best.every(function (w) { return w > 0; });
      if (!all && tier === 0) continue;
      var score = tier + (tier === e.tiers[3] ? 0 : 0.1 * e.tiers[3]);
      e.best.forEach(function (w) { score += w; });
      score += LINK_WEIGHT * (links.charCodeAt(e.doc) - 48);
      // A query word that names a collection ("园区", "parks") favours that collection's entries.
      var kind = of.charCodeAt(e.doc) - 97;
      qterms.forEach(function (t, ti) { if (kindTerms[kind] && kindTerms[kind][t]) score += KIND_WEIGHT * idfs[ti]; });
      hits.push({ doc: e.doc, score: score });
    }
    hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return { terms: qterms, hits: hits };
  }

  // Documents' records: {title, other, url, summary, collection}.
  Index.prototype.docs = function (ids) {
    var self = this, size = this.meta.block;
    var blocks = {};
    ids.forEach(function (id) { blocks[Math.floor(id / size)] = true; });
    return Promise.all(Object.keys(blocks).map(function (b) {
      if (!self.blocks[b]) self.blocks[b] = self.load("d/" + b + ".json");
      return self.blocks[b];
    })).then(function () {
      return Promise.all(ids.map(function (id) {
        return self.blocks[Math.floor(id / size)].then(function (block) {
          var r = block[id % size];
          return { id: id, title: r[0], other: r[1], url: r[2], summary: r[3], collection: self.meta.of.charCodeAt(id) - 97 };
        });
      }));
    });
  };

  // A document's whole text (for excerpts), or "" when it has none.
  Index.prototype.text = function (id) {
    if (!this.texts[id]) this.texts[id] = this.loadText("x/" + id + ".txt").catch(function () { return ""; });
    return this.texts[id];
  };

  // ---- Excerpts: where the query's terms are in a text, and the stretch around the first ----
  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // Ranges [start, end) of the text where a term matches: Latin terms at a word's start (joiners allowed inside,
  // so "guangan" marks "Guang'an"), Han terms anywhere. The folded text has the original's length.
  function matches(text, qterms) {
    var folded = fold(text), ranges = [];
    qterms.forEach(function (t) {
      var pattern;
      if (isHan(t[0])) pattern = escapeRegExp(t);
      else pattern = "(?<![a-z0-9])" + t.split("").map(escapeRegExp).join("[" + escapeRegExp(JOINERS) + "]?");
      var re = new RegExp(pattern, "g"), m;
      while ((m = re.exec(folded)) !== null) { ranges.push([m.index, m.index + m[0].length]); if (m[0].length === 0) re.lastIndex++; }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
    });
    return merged;
  }

  // The part of a text around its first match (about 160 characters), with the matches inside it: {text, marks}.
  function excerpt(text, qterms, length) {
    var ranges = matches(text, qterms);
    if (ranges.length === 0) return null;
    length = length || 160;
    var start = Math.max(0, ranges[0][0] - Math.floor(length / 3));
    var end = Math.min(text.length, start + length);
    var piece = text.slice(start, end);
    // The text has a newline between blocks (a heading, its paragraph): shown as " · ", or a heading would run into
    // the sentence after it ("Role The corridor…"); none at the excerpt's ends. at[i]: where piece[i] is in the result.
    var out = start > 0 ? "…" : "", at = [];
    for (var i = 0; i < piece.length; i++) {
      at.push(out.length);
      if (piece[i] !== "\n") out += piece[i];
      else if (i > 0 && i < piece.length - 1 && piece[i - 1] !== "\n") out += " · ";
    }
    at.push(out.length);
    return {
      text: out + (end < text.length ? "…" : ""),
      offset: 0,
      marks: ranges.filter(function (r) { return r[0] >= start && r[1] <= end; })
        .map(function (r) { return [at[r[0] - start], at[r[1] - start]]; })
    };
  }

  // ---- The page ----
  function start() {
    var form = document.querySelector("[data-search]");
    if (!form || !window.fetch) return;
    var input = form.querySelector("input[type=search]");
    var results = document.querySelector("[data-search-results]");
    var status = document.querySelector("[data-search-status]");
    var filter = document.querySelector("[data-search-filter]");
    var filterSelect = filter && filter.querySelector("select");
    var more = document.querySelector("[data-search-more]");
    var root = form.getAttribute("data-root");
    var base = form.getAttribute("data-index");
    var pageSize = 20;
    var keys = document.querySelector("[data-search-keys]");
    if (keys) keys.hidden = false;
    var switches = Array.prototype.slice.call(document.querySelectorAll(".language-switcher a[hreflang]"));
    switches.forEach(function (link) { link.setAttribute("data-base-href", link.getAttribute("href").split("?")[0]); });

    function get(path) {
      return fetch(base + path).then(function (r) { if (!r.ok) throw new Error(path + ": " + r.status); return r; });
    }
    var index = new Index(function (p) { return get(p).then(function (r) { return r.json(); }); },
      function (p) { return get(p).then(function (r) { return r.text(); }); });

    var current = null, shown = 0, generation = 0, wanted = "";

    function words(key, n) { return form.getAttribute(key).replace("{0}", String(n)); }

    function remember(query) {
      var params = new URLSearchParams(window.location.search);
      if (query) params.set("q", query); else params.delete("q");
      if (filterSelect && filterSelect.value) params.set("in", filterSelect.value); else params.delete("in");
      var suffix = params.toString() ? "?" + params.toString() : "";
      history.replaceState(history.state, "", window.location.pathname + suffix + window.location.hash);
      switches.forEach(function (link) { link.setAttribute("href", link.getAttribute("data-base-href") + suffix); });
    }

    function visibleHits() {
      if (!current) return [];
      var only = filterSelect && filterSelect.value;
      if (!only) return current.hits;
      var c = index.meta.collections.map(function (x) { return x.name; }).indexOf(only);
      return current.hits.filter(function (h) { return index.meta.of.charCodeAt(h.doc) - 97 === c; });
    }

    function fillFilter() {
      if (!filterSelect) return;
      var keep = filterSelect.value || new URLSearchParams(window.location.search).get("in") || "";
      var counts = {};
      current.hits.forEach(function (h) { var c = index.meta.of.charCodeAt(h.doc) - 97; counts[c] = (counts[c] || 0) + 1; });
      filterSelect.textContent = "";
      var all = document.createElement("option");
      all.value = "";
      all.textContent = words("data-filter-all", current.hits.length);
      filterSelect.appendChild(all);
      index.meta.collections.forEach(function (c, i) {
        if (!counts[i]) return;
        var option = document.createElement("option");
        option.value = c.name;
        option.textContent = c.title + " (" + counts[i] + ")";
        filterSelect.appendChild(option);
      });
      filterSelect.value = keep;
      if (filterSelect.value !== keep) filterSelect.value = "";
      filter.hidden = current.hits.length === 0;
    }

    function mark(parent, text, ranges, offset) {
      var at = 0;
      ranges.forEach(function (r) {
        var s = r[0] + offset, e = r[1] + offset;
        if (s > at) parent.appendChild(document.createTextNode(text.slice(at, s)));
        var m = document.createElement("mark");
        m.textContent = text.slice(s, e);
        parent.appendChild(m);
        at = e;
      });
      if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
    }

    function showMore(from, run) {
      var hits = visibleHits().slice(from, from + pageSize);
      return index.docs(hits.map(function (h) { return h.doc; })).then(function (records) {
        if (run !== generation) return;
        records.forEach(function (r) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = root + r.url;
          a.textContent = r.title;
          var meta = document.createElement("span");
          meta.className = "meta";
          var isList = r.url.split("/").filter(Boolean).length === 2;
          var collection = index.meta.collections[r.collection];
          meta.textContent = " · " + (isList ? form.getAttribute("data-list") : collection ? collection.title : "") + (r.other ? " · " + r.other : "");
          var p = document.createElement("p");
          li.appendChild(a);
          li.appendChild(meta);
          li.appendChild(p);
          results.appendChild(li);
          var inSummary = excerpt(r.summary, current.terms, 1000);
          if (inSummary || isList) {
            if (inSummary) mark(p, inSummary.text, inSummary.marks, inSummary.offset); else p.textContent = r.summary;
            return;
          }
          p.textContent = r.summary;
          index.text(r.id).then(function (text) {
            var found = run === generation && excerpt(text, current.terms);
            if (!found) return;
            p.textContent = "";
            mark(p, found.text, found.marks, found.offset);
          });
        });
        shown = from + records.length;
        var total = visibleHits().length;
        more.hidden = shown >= total;
        more.textContent = words("data-more", Math.min(pageSize, total - shown));
      });
    }

    function render() {
      var run = ++generation;
      results.textContent = "";
      shown = 0;
      if (!current || current.hits.length === 0) {
        status.textContent = current && wanted ? form.getAttribute("data-none") : "";
        more.hidden = true;
        if (filter) filter.hidden = true;
        return Promise.resolve();
      }
      fillFilter();
      var total = visibleHits().length;
      status.textContent = words(total === 1 ? "data-count-one" : "data-count", total);
      return showMore(0, run);
    }

    function run() {
      var query = input.value.trim();
      wanted = query;
      remember(query);
      if (!query) { current = null; return render(); }
      return index.search(query).then(function (result) {
        if (query !== wanted) return;
        current = result;
        return render();
      });
    }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 200);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run();
    });
    if (filterSelect) filterSelect.addEventListener("change", function () { remember(wanted); render(); });
    more.addEventListener("click", function () {
      var first = shown;
      showMore(shown, generation).then(function () {
        var link = results.children[first] && results.children[first].querySelector("a");
        if (link) link.focus();
      });
    });

    // Keyboard: ↓ from the box to the first result, ↑ and ↓ between results, ↑ from the first back to the box.
    function links() { return Array.prototype.slice.call(results.querySelectorAll("a")); }
    input.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown") return;
      var list = links();
      if (list.length) { event.preventDefault(); list[0].focus(); }
    });
    results.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var list = links(), at = list.indexOf(document.activeElement);
      if (at < 0) return;
      event.preventDefault();
      if (event.key === "ArrowDown" && at + 1 < list.length) list[at + 1].focus();
      else if (event.key === "ArrowUp") { if (at > 0) list[at - 1].focus(); else input.focus(); }
    });

    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) { input.value = params.get("q"); run(); }
  }

  return {
    fold: fold, terms: terms, queryTerms: queryTerms, nameKey: nameKey, shardFile: shardFile,
    Index: Index, excerpt: excerpt, start: start
  };
});
