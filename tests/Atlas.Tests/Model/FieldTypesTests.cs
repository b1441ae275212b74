using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Atlas.Config;
using Atlas.Content;
using Atlas.Diagnostics;
using Atlas.Localization;
using Atlas.Model;
using Atlas.Model.Fields;
using Atlas.Rendering;
using Atlas.Tests.Support;
using Atlas.Yaml;

namespace Atlas.Tests.Model;

/// <summary>
/// What every registered field type must do, checked for all of them at once: a new type that forgets one of
/// these fails here, not on the first site that uses it.
/// </summary>
public sealed class FieldTypesTests
{
    /// <summary>
    /// A value of every type as an editor writes it, the text an English page shows for it, its JSON value and its
    /// CSV cell.
    /// </summary>
    private static readonly ImmutableSortedDictionary<string, Sample> Samples = new Dictionary<string, Sample>
    {
        ["text"] = new("{type: text}", "plain words", "plain words", "\"plain words\"", "plain words"),
        ["localized"] = new("{type: localized}", "{zh: 中文, en: English}", "English", "{\"en\":\"English\",\"zh\":\"中文\"}", "English"),
        ["number"] = new("{type: number}", "12.5", "12.5%", "12.5", "12.5"),
        ["date"] = new("{type: date}", "2021-12-14", "14 December 2021", "\"2021-12-14\"", "2021-12-14"),
        ["year"] = new("{type: year}", "2025", "2025", "2025", "2025"),
        ["coordinates"] = new("{type: coordinates}", "[104.07, 30.67]", "30.67° N, 104.07° E", "[104.07,30.67]", "104.07 30.67"),
        ["enum"] = new("{type: enum, values: [a, b]}", "a", "Alpha", "\"a\"", "a"),
        ["tags"] = new("{type: tags, values: [a, b]}", "[a, b]", "Alpha, Beta", "[\"a\",\"b\"]", "a; b"),
        ["texts"] = new("{type: texts}", "[Shidai Changan, Lvran]", "Shidai Changan, Lvran", "[\"Shidai Changan\",\"Lvran\"]", "Shidai Changan; Lvran"),
        ["unit"] = new("{type: unit}", "\"%\"", "%", "\"%\"", "%"),
        ["url"] = new("{type: url}", "https://example.org/x", "https://example.org/x", "\"https://example.org/x\"", "https://example.org/x"),
        ["boolean"] = new("{type: boolean}", "true", "Yes", "true", "true"),
        ["reference"] = new("{type: reference, to: cities}", "chengdu", "Chengdu", "\"cities/chengdu\"", "cities/chengdu"),
        ["route"] = new("{type: route, to: cities}", "[chongqing, chengdu]", "Chongqing → Chengdu", "[\"cities/chongqing\",\"cities/chengdu\"]", "cities/chongqing; cities/chengdu"),
        ["status"] = new("{type: status, to: cities}", "{stage: under-construction, year: 2023, source: chengdu}", "Under construction (2023)",
            "{\"stage\":\"under-construction\",\"year\":2023,\"source\":\"cities/chengdu\"}", "under-construction; 2023; cities/chengdu"),
        ["roles"] = new("{type: roles, to: cities}", "[{title: {zh: 市长, en: Mayor}, date: 2021-03, source: chengdu}]", "Mayor",
            "[{\"title\":{\"en\":\"Mayor\",\"zh\":\"市长\"},\"date\":\"2021-03\",\"source\":\"cities/chengdu\"}]", "Mayor / 市长 (2021-03; cities/chengdu)"),
        ["references"] = new("{type: references, to: cities}", "[chengdu, chongqing]", "Chengdu, Chongqing", "[\"cities/chengdu\",\"cities/chongqing\"]", "cities/chengdu; cities/chongqing"),
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    private sealed record Sample(string Declaration, string Value, string Text, string Json, string Cell);

    /// <summary>UI strings the samples need beyond the minimal site's, the same keys in both bundles.</summary>
    private const string SampleStrings = """
        enum.f_enum.a: Alpha
        enum.f_enum.b: Beta
        enum.f_tags.a: Alpha
        enum.f_tags.b: Beta
        boolean.true: "Yes"
        boolean.false: "No"
        stage.proposed: Proposed
        stage.planned: Planned
        stage.under-construction: Under construction
        stage.in-operation: In operation
        stage.in-force: In force
        stage.completed: Completed
        stage.suspended: Suspended
        """;

    private static readonly ImmutableArray<string> Languages = ["zh", "en"];

    [Fact]
    public void Every_registered_type_has_a_sample_in_these_tests()
    {
        Assert.Equal(FieldTypes.All.Select(t => t.Name).Order(StringComparer.Ordinal), Samples.Keys);
    }

    [Fact]
    public void The_catalog_resolves_every_registered_name_and_no_name_twice()
    {
        Assert.Equal(FieldTypes.All.Length, FieldTypes.All.Select(t => t.Name).Distinct().Count());
        Assert.All(FieldTypes.All, t => Assert.Same(t, FieldTypes.Catalog.Find(t.Name)));
        Assert.Same(FieldTypes.Localized, FieldTypes.Catalog.Localized);
    }

    [Fact]
    public void Every_registered_type_is_shown_to_templates()
    {
        using var site = SiteWithEveryType();
        site.BuildOk();
        var page = System.Net.WebUtility.HtmlDecode(site.Read("en/samples/every/index.html"));
        foreach (var type in FieldTypes.All)
        {
            Assert.True(page.Contains($"<dd data-type=\"{type.Name}\">{Samples[type.Name].Text}</dd>", StringComparison.Ordinal), page);
        }
    }

    [Fact]
    public void Every_registered_type_exports_every_sample_to_json_and_csv()
    {
        using var site = SiteWithEveryType();
        site.BuildOk();
        using var json = JsonDocument.Parse(site.Read("data/samples.json"));
        var record = json.RootElement[0];
        var compact = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var csv = site.Read("data/samples.csv").Split("\r\n");
        var header = csv[0].Split(',').ToList();
        var row = csv.Single(l => l.StartsWith("samples/every,", StringComparison.Ordinal)).Split(',');
        foreach (var type in FieldTypes.All)
        {
            Assert.Equal(Samples[type.Name].Json, JsonSerializer.Serialize(record.GetProperty($"f_{type.Name}"), compact));
            var column = header.IndexOf(type.IsLocalized ? $"f_{type.Name}.en" : $"f_{type.Name}");
            Assert.Equal(Samples[type.Name].Cell, row[column]);
        }
    }

    [Fact]
    public void Every_registered_type_parses_its_own_example()
    {
        foreach (var type in FieldTypes.All)
        {
            var field = Field(type);
            var example = type.Describe(field, Languages).Example;
            var diagnostics = new DiagnosticBag();
            Assert.True(Parse(type, field, $"f: {example}\n", diagnostics) is not null,
                $"{type.Name}: its example '{example}' does not parse: {string.Join("\n", diagnostics.ToSortedList())}");
        }
    }

    [Fact]
    public void The_canonical_form_and_the_order_ignore_where_a_value_was_written()
    {
        foreach (var type in FieldTypes.All)
        {
            var field = Field(type);
            var example = type.Describe(field, Languages).Example;
            var here = Parse(type, field, $"f: {example}\n", new DiagnosticBag())!;
            var there = Parse(type, field, $"\n\n# moved\nf:   {example}\n", new DiagnosticBag())!;
            Assert.NotEqual(here.Location, there.Location);
            Assert.Equal(type.Canonical(here), type.Canonical(there));
            Assert.Equal(0, type.Compare(here, there));
        }
    }

    [Fact]
    public void A_type_without_a_view_fails_loudly_instead_of_showing_nothing()
    {
        using var site = TestSite.Minimal();
        var config = File.ReadAllText(Path.Combine(site.Directory, "site.yml"));
        site.Write("site.yml", config.Replace("area: {type: number}", "area: {type: unshown}", StringComparison.Ordinal));
        site.Write("content/parks/gaozhu.yml", File.ReadAllText(Path.Combine(site.Directory, "content/parks/gaozhu.yml")) + "area: anything\n");
        var diagnostics = new DiagnosticBag();
        var loaded = SiteConfigLoader.Load(site.Directory, new FieldTypeCatalog([.. FieldTypes.All, new UnshownField()]), diagnostics)!;
        var model = ModelBuilder.Build(loaded, ContentLoader.Load(loaded, diagnostics), diagnostics)!;
        Assert.Empty(diagnostics.ToSortedList());
        var views = new ViewFactory(model, I18nLoader.Load(loaded, diagnostics));
        var error = Assert.Throws<UnreachableException>(() => views.Entity(model.Get(new EntityId("parks", "gaozhu")), "en"));
        Assert.Contains("'unshown' has no view for templates", error.Message);
    }

    /// <summary>A type that parses like text but that Rendering has no case for.</summary>
    private sealed class UnshownField : ScalarFieldType<TextValue>
    {
        public override string Name => "unshown";

        public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) => new("anything", "anything");

        protected override TextValue Parse(FieldDefinition field, YamlScalar scalar, string text, DiagnosticBag diagnostics) => new(scalar.Location, text);

        public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context) => json.WriteString("type", "string");

        protected override void Write(Utf8JsonWriter json, TextValue value) => json.WriteStringValue(value.Text);

        protected override string Cell(TextValue value, string? language) => value.Text;

        protected override string Canonical(TextValue value) => value.Text;

        protected override int Compare(TextValue x, TextValue y) => string.CompareOrdinal(x.Text, y.Text);
    }

    private static FieldDefinition Field(ValueFieldType type) =>
        new("f", type, false, ["cities"], ["a", "b"], SourceLocation.File("site.yml"));

    private static FieldValue? Parse(ValueFieldType type, FieldDefinition field, string yaml, DiagnosticBag diagnostics)
    {
        Assert.True(YamlReader.TryRead(yaml, "content/x.yml", diagnostics, out var root));
        return type.Parse(field, ((YamlMapping)root!)["f"]!, Languages, diagnostics);
    }

    /// <summary>The minimal site with a collection holding one field of every registered type, all set on one entity.</summary>
    private static TestSite SiteWithEveryType()
    {
        var site = TestSite.Minimal();
        var config = File.ReadAllText(Path.Combine(site.Directory, "site.yml"));
        var declarations = string.Join("", Samples.Select(s => $"      f_{s.Key}: {s.Value.Declaration}\n"));
        site.Write("site.yml", config + $"""
              samples:
                title: {"{"}zh: 样例, en: Samples{"}"}
                templates: {"{"}entity: sample.html{"}"}
                fields:

            """ + declarations);
        var labels = string.Join("", Samples.Keys.Select(k => $"field.f_{k}: {k}\n"));
        foreach (var language in Languages)
        {
            var path = Path.Combine(site.Directory, "templates", "i18n", $"{language}.yml");
            site.Write($"templates/i18n/{language}.yml", File.ReadAllText(path) + labels + SampleStrings + "\n");
        }

        site.Write("templates/sample.html", "{{ for f in entity.fields }}<dd data-type=\"{{ f.type }}\">{{ f.text }}</dd>\n{{ end }}");
        site.Write("content/samples/every.yml", "name: {zh: 样例, en: Every type}\nsummary: {zh: 样例, en: Every type}\n"
            + string.Join("", Samples.Select(s => $"f_{s.Key}: {s.Value.Value}\n")));
        site.Write("content/samples/every.zh.md", "样例。\n");
        site.Write("content/samples/every.en.md", "Every type.\n");
        return site;
    }
}
