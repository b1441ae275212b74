// The atlas's layer over Decap CMS (issue 23 part B; the design is in .github/web-editor.md).
//
// Decap reads and writes one Markdown file per language (<slug>.zh.md, <slug>.en.md, its i18n "multiple_files").
// The atlas keeps the language-neutral fields in a third file, <slug>.yml. This script wraps the backend Decap uses
// (the local "proxy" or "github") so that
//   - reading <slug>.zh.md also reads <slug>.yml and hands Decap one front matter with both;
//   - saving moves the fields that are not translatable into <slug>.yml and commits the three files together:
//     one commit, one branch and one pull request per save;
//   - every file is edited in place as a YAML document (the `yaml` library, vendored beside this file): a key whose
//     value did not change keeps its bytes, comments such as the schema line stay, so a one-field edit is a one-line
//     diff; new values are written in the atlas's style (flow lists and maps, non-ASCII text double-quoted).
// It also holds Decap's start (CMS_MANUAL_INIT) until the backends are wrapped.
(function () {
  'use strict';

  window.CMS_MANUAL_INIT = true;

  var SLUG_FIELD = 'slug';
  var BODY_FIELD = 'body';
  var WRITE_OPTIONS = { lineWidth: 0, flowCollectionPadding: false };

  // Decap's normalized configuration says 'translate' where config.yml says true.
  function translatable(field) {
    return field.i18n === true || field.i18n === 'translate';
  }

  function schemaLine(collectionName) {
    return '# yaml-language-server: $schema=../../.atlas/schemas/' + collectionName + '.schema.json';
  }

  // The layout of each collection, from Decap's configuration (made from site.yml by the build).
  function layoutOf(config) {
    var i18n = config.i18n || {};
    var layouts = [];
    (config.collections || []).forEach(function (collection) {
      if (!collection.folder) {
        return;
      }
      var fields = collection.fields || [];
      layouts.push({
        name: collection.name,
        folder: collection.folder.replace(/\/+$/, ''),
        fields: fields,
        dataFields: fields.filter(function (f) { return !translatable(f) && f.name !== SLUG_FIELD; }).map(function (f) { return f.name; }),
        defaultLocale: i18n.default_locale,
        locales: i18n.locales || [],
      });
    });
    return layouts;
  }

  // The collection, slug and language of a Markdown path, or null for any other file.
  function parsePath(layouts, path) {
    for (var i = 0; i < layouts.length; i++) {
      var layout = layouts[i];
      var prefix = layout.folder + '/';
      if (path.indexOf(prefix) !== 0) {
        continue;
      }
      var match = /^([^/]+)\.([^./]+)\.md$/.exec(path.slice(prefix.length));
      if (match && layout.locales.indexOf(match[2]) >= 0) {
        return { layout: layout, slug: match[1], locale: match[2], dataPath: prefix + match[1] + '.yml' };
      }
    }
    return null;
  }

  function splitMarkdown(text) {
    var match = /^---\n([\s\S]*?\n)?---\n?([\s\S]*)$/.exec(text || '');
    return match ? { front: match[1] || '', body: match[2] } : { front: '', body: text || '' };
  }

  function parseYaml(text) {
    var value = YAML.parse(text || '');
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  }

  // What Decap reads: one front matter, the .yml's fields then the Markdown's, and the slug for the form.
  function joinEntry(markdown, dataText, slug) {
    var parts = splitMarkdown(markdown);
    var merged = {};
    merged[SLUG_FIELD] = slug;
    var data = parseYaml(dataText);
    var front = parseYaml(parts.front);
    Object.keys(data).forEach(function (k) { merged[k] = data[k]; });
    Object.keys(front).forEach(function (k) { merged[k] = front[k]; });
    return '---\n' + YAML.stringify(merged, WRITE_OPTIONS) + '---\n' + parts.body;
  }

  // An empty form value is no value: the key goes (or is never written).
  function clean(value) {
    if (value === null || value === undefined || value === '' || (typeof value === 'number' && isNaN(value))) {
      return undefined;
    }
    if (Array.isArray(value)) {
      var items = value.map(clean).filter(function (v) { return v !== undefined; });
      return items.length ? items : undefined;
    }
    if (typeof value === 'object') {
      var result = {};
      Object.keys(value).forEach(function (k) {
        var v = clean(value[k]);
        if (v !== undefined) {
          result[k] = v;
        }
      });
      return Object.keys(result).length ? result : undefined;
    }
    return value;
  }

  // Object keys in the form's order (stage, year, source; zh, en), whatever order the form filled them in.
  function ordered(value, field) {
    if (Array.isArray(value)) {
      var item = field && (field.field || (field.fields && { fields: field.fields }));
      return value.map(function (v) { return ordered(v, item); });
    }
    if (value && typeof value === 'object') {
      var names = field && field.fields ? field.fields.map(function (f) { return f.name; }) : [];
      var keys = names.filter(function (k) { return k in value; }).concat(Object.keys(value).filter(function (k) { return names.indexOf(k) < 0; }));
      var result = {};
      keys.forEach(function (k) {
        var sub = field && field.fields ? field.fields.filter(function (f) { return f.name === k; })[0] : null;
        result[k] = ordered(value[k], sub);
      });
      return result;
    }
    return value;
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  // A new value as a node in the atlas's style: lists and maps in flow style (a list of maps one map per line),
  // text with spaces or non-ASCII characters double-quoted inside them (name: {zh: "…", en: "…"}); a text on its
  // own (summary: …) stays plain where YAML allows.
  function styledNode(doc, value) {
    var node = doc.createNode(value);
    function style(n, inFlow) {
      if (YAML.isScalar(n)) {
        if (inFlow && typeof n.value === 'string' && /[^\x21-\x7e]/.test(n.value)) {
          n.type = 'QUOTE_DOUBLE';
        }
        return;
      }
      if (YAML.isMap(n)) {
        n.flow = true;
        n.items.forEach(function (pair) { style(pair.value, true); });
        return;
      }
      if (YAML.isSeq(n)) {
        var ofMaps = n.items.some(function (i) { return YAML.isMap(i); });
        n.flow = inFlow || !ofMaps;
        n.items.forEach(function (i) { style(i, n.flow); });
      }
    }
    style(node, false);
    return node;
  }

  // Sets each key of `values` in the YAML document `text` (or a new one) where its value changed; keys whose
  // value is empty are deleted. Untouched keys keep their bytes.
  function editDocument(text, keys, values, fieldsByName, header) {
    var isNew = text === null || text === undefined;
    var doc = isNew ? new YAML.Document({}) : YAML.parseDocument(text);
    if (!YAML.isMap(doc.contents)) {
      doc.contents = doc.createNode({});
    }
    keys.forEach(function (key) {
      var next = clean(ordered(values[key], fieldsByName[key]));
      var node = doc.get(key, true);
      var previous = node === undefined ? undefined : clean(YAML.isNode(node) ? node.toJSON() : node);
      if (same(previous, next)) {
        return;
      }
      if (next === undefined) {
        doc.delete(key);
      } else {
        doc.set(key, styledNode(doc, next));
      }
    });
    var out = doc.toString(WRITE_OPTIONS);
    out = out === '{}\n' ? '' : out;
    return isNew && header ? header + '\n' + out : out;
  }

  function fieldsByName(layout) {
    var byName = {};
    layout.fields.forEach(function (f) { byName[f.name] = f; });
    return byName;
  }

  // Calls one at a time: Decap's local server (decap-server in git mode) answers one request at a time and gives up
  // on any that waits more than 3 seconds, which the editor's parallel loading of every collection exceeds.
  // Only the requests to the server; the other methods answer at once and must stay synchronous.
  var REQUESTS = ['entriesByFolder', 'entriesByFiles', 'getEntry', 'unpublishedEntries', 'unpublishedEntry',
    'unpublishedEntryDataFile', 'unpublishedEntryMediaFile', 'deleteUnpublishedEntry', 'persistEntry',
    'updateUnpublishedEntryStatus', 'publishUnpublishedEntry', 'getMedia', 'getMediaFile', 'persistMedia', 'deleteFiles'];

  function oneAtATime(backend) {
    var queue = Promise.resolve();
    return new Proxy(backend, {
      get: function (target, property) {
        var value = Reflect.get(target, property, target);
        if (typeof value !== 'function') {
          return value;
        }
        if (REQUESTS.indexOf(property) < 0) {
          return value.bind(target);
        }
        return function () {
          var args = arguments;
          var result = queue.then(function () { return value.apply(target, args); });
          queue = result.then(function () {}, function () {});
          return result;
        };
      },
    });
  }

  function wrap(backend, layouts) {
    var inner = backend;
    // The text of a file of an entry under the editorial workflow: from its branch when the branch changed it (the
    // backends want the file's id from the branch's list of changes), else from the published branch; null if none.
    function published(path) {
      return Promise.resolve(inner.getEntry(path)).then(function (e) { return e && typeof e.data === 'string' ? e.data : null; }, function () { return null; });
    }

    function currentText(path, collection, slug, useWorkflow) {
      if (!useWorkflow || !inner.unpublishedEntry) {
        return published(path);
      }
      return Promise.resolve(inner.unpublishedEntry({ collection: collection, slug: slug })).then(function (pending) {
        var diff = ((pending && pending.diffs) || []).filter(function (d) { return d.path === path; })[0];
        if (!diff) {
          return published(path);
        }
        return Promise.resolve(inner.unpublishedEntryDataFile(collection, slug, path, diff.id)).then(function (data) {
          return typeof data === 'string' ? data : null;
        });
      }, function () { return published(path); });
    }

    var overrides = {
      entriesByFolder: function (folder, extension, depth) {
        var layout = layouts.filter(function (l) { return l.folder === folder.replace(/\/+$/, ''); })[0];
        if (!layout || extension !== 'md') {
          return inner.entriesByFolder(folder, extension, depth);
        }
        return Promise.all([inner.entriesByFolder(folder, 'md', depth), inner.entriesByFolder(folder, 'yml', depth)]).then(function (lists) {
          var dataBySlug = {};
          lists[1].forEach(function (e) { dataBySlug[e.file.path] = e.data; });
          return lists[0].map(function (entry) {
            var place = parsePath(layouts, entry.file.path);
            if (!place || place.locale !== layout.defaultLocale) {
              return entry;
            }
            return Object.assign({}, entry, { data: joinEntry(entry.data, dataBySlug[place.dataPath], place.slug) });
          });
        });
      },

      getEntry: function (path) {
        var place = parsePath(layouts, path);
        if (!place || place.locale !== place.layout.defaultLocale) {
          return inner.getEntry(path);
        }
        return Promise.all([inner.getEntry(path), Promise.resolve(inner.getEntry(place.dataPath)).catch(function () { return null; })]).then(function (both) {
          return Object.assign({}, both[0], { data: joinEntry(both[0].data, both[1] && both[1].data, place.slug) });
        });
      },

      unpublishedEntryDataFile: function (collection, slug, path, id) {
        var place = parsePath(layouts, path);
        var file = inner.unpublishedEntryDataFile(collection, slug, path, id);
        if (!place || place.locale !== place.layout.defaultLocale) {
          return file;
        }
        return Promise.all([file, currentText(place.dataPath, collection, slug, true)]).then(function (both) {
          return joinEntry(both[0], both[1], place.slug);
        });
      },

      persistEntry: function (entry, options) {
        var files = entry.dataFiles || [];
        var places = files.map(function (f) { return parsePath(layouts, f.path); });
        var main = places.filter(function (p) { return p && p.locale === p.layout.defaultLocale; })[0];
        if (!main) {
          return inner.persistEntry(entry, options);
        }
        var layout = main.layout;
        var byName = fieldsByName(layout);
        var collection = options.collectionName || layout.name;
        var useWorkflow = !!options.useWorkflow;
        var frontMatterKeys = layout.fields.filter(function (f) { return translatable(f) && f.name !== BODY_FIELD; }).map(function (f) { return f.name; });

        var markdownFiles = files.map(function (file, i) {
          var place = places[i];
          var parts = splitMarkdown(file.raw);
          var values = parseYaml(parts.front);
          return currentText(file.path, collection, place.slug, useWorkflow).then(function (old) {
            var oldParts = old === null ? null : splitMarkdown(old);
            var front = editDocument(oldParts ? oldParts.front : null, frontMatterKeys, values, byName, null);
            // Decap trims the body's last line break: the old bytes stay when only that differs.
            var body = oldParts && oldParts.body.replace(/\s+$/, '') === parts.body.replace(/\s+$/, '') ? oldParts.body
              : parts.body.replace(/\s*$/, '\n');
            return { file: file, values: values, raw: '---\n' + front + '---\n' + body };
          });
        });

        return Promise.all(markdownFiles).then(function (written) {
          var defaultValues = written[places.indexOf(main)].values;
          return currentText(main.dataPath, collection, main.slug, useWorkflow).then(function (oldData) {
            var data = editDocument(oldData, layout.dataFields, defaultValues, byName, schemaLine(layout.name));
            var dataFiles = written.map(function (w) { return Object.assign({}, w.file, { raw: w.raw }); });
            dataFiles.push({ path: main.dataPath, slug: main.slug, raw: data });
            return inner.persistEntry(Object.assign({}, entry, { dataFiles: dataFiles }), options);
          });
        });
      },

      deleteFiles: function (paths, message) {
        var all = paths.slice();
        paths.forEach(function (p) {
          var place = parsePath(layouts, p);
          if (place && all.indexOf(place.dataPath) < 0) {
            all.push(place.dataPath);
          }
        });
        return inner.deleteFiles(all, message);
      },
    };

    return new Proxy(inner, {
      get: function (target, property) {
        if (Object.prototype.hasOwnProperty.call(overrides, property) && typeof target[property] === 'function') {
          return overrides[property];
        }
        var value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  window.AtlasEditor = { joinEntry: joinEntry, editDocument: editDocument, schemaLine: schemaLine };

  document.addEventListener('DOMContentLoaded', function () {
    var CMS = window.CMS;
    ['proxy', 'github'].forEach(function (name) {
      var registered = CMS.getBackend(name);
      if (!registered) {
        return;
      }
      var init = registered.init;
      registered.init = function (config, options) {
        var backend = init(config, options);
        return wrap(name === 'proxy' ? oneAtATime(backend) : backend, layoutOf(config));
      };
    });
    CMS.init();
  });
})();
