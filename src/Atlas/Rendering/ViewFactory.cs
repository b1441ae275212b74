using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Atlas.Config;
using Atlas.Localization;
using Atlas.Maps;
using Atlas.Model;
using Atlas.Text;
using Scriban.Runtime;

namespace Atlas.Rendering;

/// <summary>
/// Builds what templates see: plain, read-only Scriban objects made from the model, in one language, with every
/// value already formatted for that language. Templates never see a .NET object, only these.
/// Summaries of entities (used in lists and links) are built once per language and shared by all pages.
/// </summary>
public sealed class ViewFactory
{
    private readonly SiteModel _model;
    private readonly ImmutableDictionary<string, I18nBundle> _bundles;
    private readonly ImmutableDictionary<string, Formatter> _formatters;
    private readonly ConcurrentDictionary<(EntityId, string), ScriptObject> _summaries = new();
    private readonly ConcurrentDictionary<string, ScriptObject> _sites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), ScriptObject> _collections = new();

    private readonly AtlasMap? _map;

    private readonly ImmutableDictionary<EntityId, PartialDate> _updated;

    // Set only by WithReplaced: views of these are not shared with the views they were made from.
    private readonly IReadOnlySet<EntityId>? _edited;
    private readonly HashSet<string>? _editedCollections;
    private readonly ConcurrentDictionary<(EntityId, string), ScriptObject> _editedSummaries = new();
    private readonly ConcurrentDictionary<(string, string), ScriptObject> _editedCollectionViews = new();

    public ViewFactory(SiteModel model, ImmutableDictionary<string, I18nBundle> bundles, AtlasMap? map = null,
        ImmutableDictionary<EntityId, PartialDate>? updated = null)
    {
        _model = model;
        _map = map;
        _updated = updated ?? ImmutableDictionary<EntityId, PartialDate>.Empty;
        _bundles = bundles;
        _formatters = bundles.ToImmutableDictionary(p => p.Key, p => new Formatter(p.Value));
    }

    private ViewFactory(ViewFactory views, SiteModel model, IReadOnlySet<EntityId> edited)
    {
        _model = model;
        _map = views._map;
        _updated = views._updated;
        _bundles = views._bundles;
        _formatters = views._formatters;
        _sites = views._sites; // the same entities: the counts hold

        // A summary shows only its own entity's data: the others are shared with the previous views (and those
        // built now are right for them too); the edited entities' and their collections' lists are kept apart.
        _summaries = views._summaries;
        _collections = views._collections;
        _edited = edited;
        _editedCollections = edited.Select(id => id.Collection).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The views over <see cref="SiteModel.WithEntities"/> with <paramref name="replaced"/>: the summaries of the
    /// replaced entities and the lists of their collections are built again, the rest is shared (a summary shows no
    /// other entity's data).
    /// </summary>
    public ViewFactory WithReplaced(SiteModel model, IReadOnlySet<EntityId> replaced) => new(this, model, replaced);

    public Formatter FormatterFor(string language) => _formatters[language];

    public I18nBundle BundleFor(string language) => _bundles[language];

    private SiteConfig Config => _model.Config;

    /// <summary>The site in one language; for the root page (no language) the default language is used for names.</summary>
    public ScriptObject Site(string language) => _sites.GetOrAdd(language, BuildSite);

    private ScriptObject BuildSite(string language)
    {
        var languages = Config.Languages.Select(l => Obj(
            ("code", l.Code), ("locale", l.Locale), ("name", l.Name), ("path", $"{l.Code}/"),
            ("title", Config.Title[l.Code]), ("description", Config.Description[l.Code])));
        // The layout lists every collection by name on every page: only reading a count depends on membership.
        var collections = Config.Collections.Select(c => TrackedMember(SiteConfig.FileName, "count", DependencyKeys.Collection(c.Name),
            ("name", c.Name), ("title", c.Title[language]), ("path", SiteUrls.CollectionPath(language, c)), ("menu", c.InMenu),
            ("count", _model.Collections[c.Name].Length)));
        return Obj(
            ("title", Config.Title[language]),
            ("description", Config.Description[language]),
            ("base_url", Config.BaseUrl),
            ("default_language", Config.DefaultLanguage),
            ("languages", Array(languages)),
            ("collections", Array(collections)));
    }

    /// <summary>A collection with its entity list, built once per language (every entity page of the collection shows it).</summary>
    public ScriptObject Collection(CollectionConfig collection, string language) =>
        (_editedCollections?.Contains(collection.Name) == true ? _editedCollectionViews : _collections)
            .GetOrAdd((collection.Name, language), _ => BuildCollection(collection, language));

    private ScriptObject BuildCollection(CollectionConfig collection, string language) => Tracked(DependencyKeys.Collection(collection.Name),
        ("name", collection.Name),
        ("title", collection.Title[language]),
        ("path", SiteUrls.CollectionPath(language, collection)),
        ("count", _model.Collections[collection.Name].Length),
        ("entities", new LazyView(() => Array(_model.Ordered(collection.Name, language).Select(e => Summary(e, language))))),
        ("filters", new LazyView(() => Array(Filters(collection, language)))));

    /// <summary>What a list or a link needs: name, summary, path and the entity's non-reference values.</summary>
    public ScriptObject Summary(Entity entity, string language) =>
        (_edited?.Contains(entity.Id) == true ? _editedSummaries : _summaries).GetOrAdd((entity.Id, language), _ => BuildSummary(entity, language));

    private ScriptObject BuildSummary(Entity entity, string language)
    {
        var values = new ScriptObject();
        foreach (var field in entity.Collection.Fields.Where(f => !f.IsReference))
        {
            values.Add(field.Name, FieldView(entity, field, language, summariesOfTargets: false));
        }

        values.IsReadOnly = true;

        // The slugs each reference field points to, so lists can be filtered (data-cities="chengdu yubei").
        var refs = new ScriptObject();
        foreach (var field in entity.Collection.Fields.Where(f => f.IsReference))
        {
            refs.Add(field.Name, entity.Field(field.Name) is ReferencesValue references
                ? Array(references.Targets.Select(t => (object)t.Slug))
                : Array(System.Array.Empty<object>()));
        }

        refs.IsReadOnly = true;
        return Tracked(DependencyKeys.Entity(entity.Id),
            ("id", entity.Id.ToString()),
            ("refs", refs),
            ("collection", entity.Collection.Name),
            ("collection_title", entity.Collection.Title[language]),
            ("slug", entity.Slug),
            ("path", SiteUrls.EntityPath(language, entity)),
            ("name", entity.Name[language]),
            ("summary", entity.Summary[language]),
            ("values", values),
            ("card", Card(entity, language)));
    }

    /// <summary>Everything an entity page shows, in one language.</summary>
    public ScriptObject Entity(Entity entity, string language)
    {
        var summary = Summary(entity, language);
        var text = entity.Texts[language];
        var fields = new List<ScriptObject>();
        var values = new ScriptObject();
        foreach (var field in entity.Collection.Fields)
        {
            var view = FieldView(entity, field, language, summariesOfTargets: true);
            values.Add(field.Name, view);
            if (view is not null && !CollectionConfig.BuiltInFields.Contains(field.Name))
            {
                fields.Add(view);
            }
        }

        values.IsReadOnly = true;
        // The page also shows the names of what the entity references (field texts, locator labels).
        var view2 = new TrackedObject(DependencyKeys.Entity(entity.Id),
            new Dictionary<string, string> { ["referenced_by"] = DependencyKeys.Backlinks(entity.Id) })
        {
            AlsoKeys =
            [
                DependencyKeys.Text(entity.Id),
                .. entity.Fields.Values.OfType<ReferencesValue>().SelectMany(r => r.Targets).Distinct().Select(DependencyKeys.Entity),
            ],
        };
        foreach (var (key, value) in summary)
        {
            if (key != "values")
            {
                view2.Add(key, value);
            }
        }

        view2.Add("values", values);
        view2.Add("fields", Array(fields));
        view2.Add("body", new SafeHtml(text.Html));
        view2.Add("is_fallback", text.IsFallback);
        view2.Add("gaps", Array(text.Gaps.Select(g => (object)g)));
        view2.Add("references", Array(References(entity, language)));
        view2.Add("map", Locator(entity, language));
        view2.Add("updated", _updated.TryGetValue(entity.Id, out var updated)
            ? Obj(("text", _formatters[language].Date(updated)), ("iso", updated.ToString()))
            : null);
        view2.Add("referenced_by", Array(ReferencedBy(entity, language)));
        view2.Add("translations", Translations(entity, language));
        view2.Add("edit", EditLinksView(entity, language));
        view2.IsReadOnly = true;
        return view2;
    }

    /// <summary>The page's edit and history links (<see cref="EditLinks"/>); null when site.yml names no repository.</summary>
    private ScriptObject? EditLinksView(Entity entity, string language) =>
        EditLinks.For(Config, entity, language) is { } links
            ? Obj(("edit", links.Edit), ("history", links.History), ("data_file", links.DataFile),
                ("data_edit", links.DataEdit), ("data_history", links.DataHistory))
            : null;

    /// <summary>What the side-by-side reading page shows: the entity in every language, without its relations.</summary>
    public ScriptObject Compare(Entity entity, string language)
    {
        var view = new TrackedObject(DependencyKeys.Entity(entity.Id)) { AlsoKeys = [DependencyKeys.Text(entity.Id)] };
        foreach (var (key, value) in Summary(entity, language))
        {
            view.Add(key, value);
        }

        view.Add("translations", Translations(entity, language));
        view.IsReadOnly = true;
        return view;
    }

    private ScriptArray Translations(Entity entity, string language) => Array(Config.Languages.Select(l => Obj(
        ("lang", l.Code), ("locale", l.Locale), ("language_name", l.Name),
        ("path", SiteUrls.EntityPath(l.Code, entity)), ("name", entity.Name[l.Code]),
        ("summary", entity.Summary[l.Code]), ("body", new SafeHtml(entity.Texts[l.Code].Html)),
        ("current", l.Code == language))));

    /// <summary>The entity on the small map of its page (see <see cref="LocatorViews"/>); null if it has no place.</summary>
    private ScriptObject? Locator(Entity entity, string language) =>
        _map is null ? null : new LocatorViews(_model, _map).View(entity, language);

    private IEnumerable<ScriptObject> References(Entity entity, string language)
    {
        foreach (var field in entity.Collection.Fields.Where(f => f.IsReference))
        {
            if (entity.Field(field.Name) is ReferencesValue references)
            {
                yield return Obj(
                    ("field", field.Name),
                    ("label", Label(language, $"field.{field.Name}")),
                    ("items", Array(references.Targets.Select(t => Summary(_model.Get(t), language)))));
            }
        }
    }

    /// <summary>What points at this entity, grouped by collection in site.yml order, each group sorted like its index.</summary>
    private IEnumerable<ScriptObject> ReferencedBy(Entity entity, string language)
    {
        var backlinks = _model.BacklinksTo(entity.Id);
        foreach (var collection in Config.Collections)
        {
            var sources = backlinks.Where(b => b.Source.Collection.Name == collection.Name)
                .Select(b => b.Source).Distinct().ToList();
            if (sources.Count == 0)
            {
                continue;
            }

            // In the collection's own order in this language, found by rank rather than by scanning the collection.
            var ordered = sources.OrderBy(e => _model.Rank(e.Id, language));
            yield return Obj(
                ("collection", collection.Name),
                ("title", collection.Title[language]),
                ("items", Array(ordered.Select(e => Summary(e, language)))));
        }
    }

    // --- Lists: what a card shows and how a list filters (issue 19, item 2) ---

    /// <summary>
    /// What a card in a list shows besides name and summary: the entity's type (the label of its collection's first
    /// enum field, such as kind or level), the places it names (through the reference fields of the taxonomies over
    /// places: see <see cref="PlaceCollections"/>) and its year (the first of the year taxonomy's dates it has).
    /// Reading it depends on the places' names too.
    /// </summary>
    private TrackedObject Card(Entity entity, string language)
    {
        var type = entity.Collection.Fields.FirstOrDefault(f => f.Type.Name == "enum") is { } kind && entity.Field(kind.Name) is EnumValue value
            ? _bundles[language].Get($"enum.{kind.Name}.{value.Value}") ?? value.Value
            : null;
        var places = PlacesOf(entity).ToList();
        var year = Config.Features.Taxonomies.Where(t => t.IsByYear)
            .SelectMany(t => Taxonomies.YearsOf(entity, t.DateFields)).Cast<int?>().FirstOrDefault();
        var card = new TrackedObject(DependencyKeys.Entity(entity.Id)) { AlsoKeys = [.. places.Select(DependencyKeys.Entity)] };
        card.Add("type", type);
        card.Add("places", Array(places.Take(CardPlaces).Select(p => Obj(("name", _model.Get(p).Name[language]), ("slug", p.Slug)))));
        card.Add("more_places", Math.Max(0, places.Count - CardPlaces));
        card.Add("places_total", places.Count);
        card.Add("year", year is { } y ? _formatters[language].Date(new PartialDate(y, null, null)) : null);
        card.Add("year_iso", year?.ToString("D4", CultureInfo.InvariantCulture));
        card.IsReadOnly = true;
        return card;
    }

    /// <summary>A card names at most this many places; the rest are counted.</summary>
    private const int CardPlaces = 3;

    /// <summary>The collections that are places: those the reference fields of taxonomies point at (cities, by "places: cities").</summary>
    private IReadOnlySet<string> PlaceCollections => _placeCollections ??= Config.Features.Taxonomies
        .Where(t => t.Field is not null)
        .SelectMany(t => Config.Collections.Select(c => c.Field(t.Field!)).OfType<FieldDefinition>())
        .Where(f => f.IsReference).SelectMany(f => f.Targets).ToHashSet(StringComparer.Ordinal);

    private HashSet<string>? _placeCollections;

    private IEnumerable<EntityId> PlacesOf(Entity entity) => entity.Collection.Fields.Where(f => f.IsReference)
        .Select(f => entity.Field(f.Name)).OfType<ReferencesValue>().SelectMany(r => r.Targets)
        .Where(t => PlaceCollections.Contains(t.Collection)).Distinct();

    /// <summary>
    /// The filters of a collection's list: one per taxonomy over a field the collection has, offering only the values
    /// that occur in it (a filter with none is left out): places by name in this language, enum values as declared.
    /// </summary>
    private IEnumerable<ScriptObject> Filters(CollectionConfig collection, string language)
    {
        var entities = _model.Collections[collection.Name];
        foreach (var taxonomy in Config.Features.Taxonomies.Where(t => t.Field is not null))
        {
            if (collection.Field(taxonomy.Field!) is not { } field)
            {
                continue;
            }

            var values = entities.Select(e => e.Field(field.Name)).ToList();
            List<(string Key, string Label)> options;
            IReadOnlyList<string> also = [];
            if (field.IsReference)
            {
                var targets = values.OfType<ReferencesValue>().SelectMany(r => r.Targets).Distinct().ToList();
                also = [.. targets.Select(DependencyKeys.Entity)];
                options = [.. targets.Select(t => (Key: t.Slug, Label: _model.Get(t).Name[language]))
                    .OrderBy(o => Collation.KeyFor(language, o.Label), StringComparer.Ordinal)];
            }
            else
            {
                var used = values.SelectMany(v => v switch
                {
                    TagsValue tags => tags.Values.AsEnumerable(),
                    EnumValue one => [one.Value],
                    _ => [],
                }).ToHashSet(StringComparer.Ordinal);
                options = [.. field.Values.Where(used.Contains).Select(v => (v, _bundles[language].Get($"enum.{field.Name}.{v}") ?? v))];
            }

            if (options.Count == 0)
            {
                continue;
            }

            var filter = new TrackedObject(DependencyKeys.Collection(collection.Name)) { AlsoKeys = also };
            filter.Add("field", field.Name);
            filter.Add("taxonomy", taxonomy.Name);
            filter.Add("options", Array(options.Select(o => Obj(("key", o.Key), ("label", o.Label)))));
            filter.IsReadOnly = true;
            yield return filter;
        }
    }

    /// <summary>One field as templates see it (see <see cref="FieldViews"/>); null when unset.</summary>
    private ScriptObject? FieldView(Entity entity, FieldDefinition field, string language, bool summariesOfTargets) =>
        new FieldViews(_model, _formatters[language], _bundles[language], language)
            .View(entity, field, summariesOfTargets ? target => Summary(target, language) : null);

    private string Label(string language, string key) => _bundles[language].Get(key) ?? key;

    internal static ScriptObject Obj(params (string Key, object? Value)[] members)
    {
        // Sized for its members: grown one by one, each object's table was allocated three or four times.
        var result = new ScriptObject(members.Length);
        foreach (var (key, value) in members)
        {
            result.Add(key, value);
        }

        result.IsReadOnly = true;
        return result;
    }

    internal static ScriptArray Array<T>(IEnumerable<T> items)
    {
        // Sized up front where the count is known without enumerating (a list, a projection of one).
        var array = items.TryGetNonEnumeratedCount(out var count) ? new ScriptArray(count) : new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }

    internal static TrackedObject TrackedMember(string key, string member, string memberKey, params (string Key, object? Value)[] members)
    {
        var result = new TrackedObject(key, new Dictionary<string, string> { [member] = memberKey }, members.Length);
        foreach (var (name, value) in members)
        {
            result.Add(name, value);
        }

        result.IsReadOnly = true;
        return result;
    }

    /// <summary>A read-only view whose reads are recorded on the page as a dependency on <paramref name="key"/>.</summary>
    internal static TrackedObject Tracked(string key, params (string Key, object? Value)[] members)
    {
        var result = new TrackedObject(key, capacity: members.Length);
        foreach (var (name, value) in members)
        {
            result.Add(name, value);
        }

        result.IsReadOnly = true;
        return result;
    }
}
