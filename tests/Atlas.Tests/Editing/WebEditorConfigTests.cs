using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Editing.WebEditor;
using Atlas.Model.Fields;
using Atlas.Tests.Support;

namespace Atlas.Tests.Editing;

/// <summary>
/// The web editor's configuration made from site.yml (issue 23 part B): each field type's widget, the whole
/// config.yml of a tiny site byte for byte, and the /admin/ files a build writes.
/// </summary>
public sealed class WebEditorConfigTests
{
    /// <summary>One collection with a field of every type site.yml knows, and the collection its references point into.</summary>
    private const string EveryType = """
-- site.yml --
title: {zh: 测试, en: Test}
description: {zh: 测试, en: Test}
base_url: https://example.org/
default_language: zh
languages:
  - {code: zh, locale: zh-CN, name: 中文}
  - {code: en, locale: en, name: English}
collections:
  things:
    title: {zh: 事物, en: Things}
    fields:
      a_text: {type: text, required: true}
      a_localized: {type: localized}
      a_number: {type: number}
      a_date: {type: date}
      a_year: {type: year}
      a_coordinates: {type: coordinates}
      a_enum: {type: enum, values: [red, blue]}
      a_tags: {type: tags, values: [red, blue]}
      a_texts: {type: texts}
      a_unit: {type: unit}
      a_url: {type: url}
      a_boolean: {type: boolean}
      a_reference: {type: reference, to: places}
      a_references: {type: references, to: places}
      a_route: {type: route, to: places}
      a_status: {type: status, to: places}
      a_roles: {type: roles, to: places}
      a_anywhere: {type: references, to: [places, things]}
  places:
    title: {zh: 地方, en: Places}
    fields: {}
""";

    private static SiteConfig Load(string archive)
    {
        using var site = new TestSite(archive);
        var diagnostics = new DiagnosticBag();
        return SiteConfigLoader.Load(site.Directory, FieldTypes.Catalog, diagnostics)
            ?? throw new InvalidOperationException(string.Join("\n", diagnostics.ToSortedList()));
    }

    private static string? Strings(string language, string key) => (language, key) switch
    {
        ("zh", "field.a_enum") => "颜色",
        ("en", "field.a_enum") => "Colour",
        ("zh", "enum.a_enum.red") => "红",
        ("en", "enum.a_enum.red") => "Red",
        _ => null,
    };

    private static EditorCollection Things() =>
        new EditorConfigMaker(Load(EveryType), Strings).Make(new LocalEditorBackend("main")).Collections.Single(c => c.Name == "things");

    private static EditorField Field(string name) => Things().Fields.Single(f => f.Name == name);

    [Fact]
    public void The_test_site_declares_every_field_type_of_the_registry()
    {
        var declared = Load(EveryType).Collection("things")!.Fields.Select(f => f.Type.Name).ToHashSet();
        Assert.Equal(FieldTypes.All.Select(t => t.Name).Order(), declared.Order());
    }

    [Fact]
    public void Enums_are_selects_with_their_labels_in_both_languages_and_tags_are_multiple_selects()
    {
        var kind = Assert.IsType<SelectEditorField>(Field("a_enum"));
        Assert.False(kind.Multiple);
        Assert.Equal("颜色 · Colour", kind.Label);
        Assert.Equal([new EditorOption("red", "红 · Red"), new EditorOption("blue", "blue")], kind.Options.ToList());
        var tags = Assert.IsType<SelectEditorField>(Field("a_tags"));
        Assert.True(tags.Multiple);
        Assert.Equal(["red", "blue"], tags.Options.Select(o => o.Value));
    }

    [Fact]
    public void References_are_relation_pickers_over_the_target_collection()
    {
        var one = Assert.IsType<RelationEditorField>(Field("a_reference"));
        Assert.Equal(("places", false), (one.Collection, one.Multiple));
        var many = Assert.IsType<RelationEditorField>(Field("a_references"));
        Assert.Equal(("places", true), (many.Collection, many.Multiple));
        var route = Assert.IsType<RelationEditorField>(Field("a_route"));
        Assert.Equal(("places", true), (route.Collection, route.Multiple));
        // One picker cannot span two collections: collection/slug, checked against that shape.
        var anywhere = Assert.IsType<ListEditorField>(Field("a_anywhere"));
        var item = Assert.IsType<StringEditorField>(anywhere.Item);
        Assert.Equal("^(places|things)/[a-z0-9]+(-[a-z0-9]+)*$", item.Pattern!.Expression);
    }

    [Fact]
    public void Dates_numbers_years_and_coordinates_map_to_checked_inputs()
    {
        var date = Assert.IsType<StringEditorField>(Field("a_date"));
        Assert.Equal(EditorConfigMaker.DatePattern, date.Pattern!.Expression);
        Assert.Equal(NumberKind.Decimal, Assert.IsType<NumberEditorField>(Field("a_number")).Kind);
        Assert.Equal(NumberKind.Integer, Assert.IsType<NumberEditorField>(Field("a_year")).Kind);
        var coordinates = Assert.IsType<ListEditorField>(Field("a_coordinates"));
        Assert.Equal((2, 2), (coordinates.Min, coordinates.Max));
        Assert.Equal(NumberKind.Decimal, Assert.IsType<NumberEditorField>(coordinates.Item).Kind);
    }

    [Fact]
    public void Texts_urls_units_and_booleans_map_to_their_inputs()
    {
        var text = Assert.IsType<StringEditorField>(Field("a_text"));
        Assert.True(text.Required);
        Assert.Null(text.Pattern);
        Assert.Equal(EditorConfigMaker.UrlPattern, Assert.IsType<StringEditorField>(Field("a_url")).Pattern!.Expression);
        Assert.IsType<StringEditorField>(Field("a_unit"));
        Assert.IsType<BooleanEditorField>(Field("a_boolean"));
        Assert.IsType<StringEditorField>(Assert.IsType<ListEditorField>(Field("a_texts")).Item);
    }

    [Fact]
    public void Localized_text_is_the_languages_side_by_side_and_the_summary_and_body_are_translated()
    {
        var localized = Assert.IsType<ObjectEditorField>(Field("a_localized"));
        Assert.Equal(["zh", "en"], localized.Fields.Select(f => f.Name));
        Assert.All(localized.Fields, f => Assert.IsType<StringEditorField>(f));
        var name = Assert.IsType<ObjectEditorField>(Field("name"));
        Assert.All(name.Fields, f => Assert.True(f.Required));
        Assert.True(Field("summary").Translatable);
        Assert.True(Field(EditorConfigMaker.BodyField).Translatable);
        Assert.False(localized.Translatable);
        // What is not translated is kept in <slug>.yml; the summary is not.
        Assert.Contains("a_localized", Things().DataFields);
        Assert.DoesNotContain("summary", Things().DataFields);
    }

    [Fact]
    public void Statuses_and_roles_are_groups_with_a_source_picker()
    {
        var status = Assert.IsType<ObjectEditorField>(Field("a_status"));
        Assert.Equal(["stage", "year", "source"], status.Fields.Select(f => f.Name));
        Assert.Equal(StatusField.Stages, Assert.IsType<SelectEditorField>(status.Fields[0]).Options.Select(o => o.Value));
        Assert.Equal("places", Assert.IsType<RelationEditorField>(status.Fields[2]).Collection);
        var roles = Assert.IsType<ListEditorField>(Field("a_roles"));
        Assert.Equal(["title", "date", "source"], roles.ItemFields.Select(f => f.Name));
    }

    private const string Tiny = """
-- site.yml --
title: {zh: 测试, en: Test}
description: {zh: 测试, en: Test}
base_url: https://example.org/
default_language: zh
languages:
  - {code: zh, locale: zh-CN, name: 中文}
  - {code: en, locale: en, name: English}
collections:
  parks:
    title: {zh: 园区, en: Parks}
    fields:
      kind: {type: enum, values: [park], required: true}
      city: {type: reference, to: parks}
""";

    private const string TinyConfig = """
# Made by `atlas build` from site.yml: do not edit. The design: .github/web-editor.md.
backend:
  name: proxy
  proxy_url: "http://localhost:8081/api/v1"
  branch: "main"
publish_mode: editorial_workflow
media_folder: "templates/assets/uploads"
locale: "zh_Hans"
i18n:
  structure: multiple_files
  locales: ["zh", "en"]
  default_locale: "zh"
collections:
  - name: "parks"
    label: "园区 · Parks"
    folder: "content/parks"
    extension: "md"
    format: frontmatter
    create: true
    identifier_field: "slug"
    slug: "{{slug}}"
    summary: "{{name.zh}} · {{name.en}}"
    i18n: true
    fields:
      - name: "slug"
        label: "slug"
        widget: string
        required: true
        i18n: false
        pattern: ["^[a-z0-9]+(-[a-z0-9]+)*$", "lowercase ASCII letters, digits and single hyphens (like 'gaozhu-new-area')"]
      - name: "name"
        label: "name"
        widget: object
        required: true
        i18n: false
        fields:
          - name: "zh"
            label: "中文"
            widget: string
            required: true
          - name: "en"
            label: "English"
            widget: string
            required: true
      - name: "summary"
        label: "summary"
        widget: text
        required: true
        i18n: true
      - name: "kind"
        label: "kind"
        widget: select
        required: true
        i18n: false
        multiple: false
        options:
          - label: "park"
            value: "park"
      - name: "city"
        label: "city"
        widget: relation
        required: false
        i18n: false
        collection: "parks"
        multiple: false
        value_field: "{{slug}}"
        search_fields: ["name.zh", "name.en", "slug"]
        display_fields: ["name.zh", "name.en"]
      - name: "gaps"
        label: "gaps"
        widget: list
        required: false
        i18n: true
        field:
          name: "gap"
          label: "gap"
          widget: string
          required: false
      - name: "body"
        label: "body"
        widget: markdown
        required: false
        i18n: true
        modes: [raw]
        editor_components: []

""";

    [Fact]
    public void The_config_of_a_tiny_site_is_exactly_this()
    {
        var config = new EditorConfigMaker(Load(Tiny), (_, _) => null).Make(new LocalEditorBackend("main"));
        var written = EditorConfigWriter.Write(config);
        Assert.Equal(TinyConfig.ReplaceLineEndings("\n").TrimEnd('\n') + "\n", written);
    }

    [Fact]
    public void A_GitHub_backend_names_the_repository_and_keeps_the_local_backend_for_localhost()
    {
        var config = new EditorConfigMaker(Load(Tiny), (_, _) => null).Make(new GitHubEditorBackend("owner/atlas", "main", "https://auth.example.org"));
        var written = EditorConfigWriter.Write(config);
        Assert.Contains("backend:\n  name: github\n  repo: \"owner/atlas\"\n  branch: \"main\"\n  base_url: \"https://auth.example.org\"\nlocal_backend: true\n", written);
        Assert.Contains("publish_mode: editorial_workflow\n", written);
    }

    private static readonly string[] Vendored =
    [
        "-- templates/assets/admin/yaml.js --\nvar YAML = {};\n",
        "-- templates/assets/admin/atlas-editor.js --\nwindow.CMS_MANUAL_INIT = true;\n",
        "-- templates/assets/admin/decap-cms.js --\nwindow.CMS = {};\n",
    ];

    [Fact]
    public void A_site_that_vendors_the_editor_gets_admin_with_its_own_policy_out_of_the_sitemap()
    {
        using var site = TestSite.Minimal(Vendored);
        site.BuildOk();
        var page = site.Read("admin/index.html");
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", page);
        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"{EditorPage.ContentSecurityPolicy}\">", page);
        Assert.Contains("<link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">", page);
        // One heading, for the built-site checker and for a browser without scripts.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<h1>"));
        Assert.Contains("<noscript><h1>", page);
        // The scripts in order, by their fingerprinted names, from the site's root.
        var scripts = System.Text.RegularExpressions.Regex.Matches(page, "<script src=\"([^\"]+)\"></script>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, scripts.Count);
        Assert.Matches(@"^\.\./assets/admin/yaml\.[0-9a-f]{10}\.js$", scripts[0]);
        Assert.Matches(@"^\.\./assets/admin/atlas-editor\.[0-9a-f]{10}\.js$", scripts[1]);
        Assert.Matches(@"^\.\./assets/admin/decap-cms\.[0-9a-f]{10}\.js$", scripts[2]);
        Assert.All(scripts, s => Assert.True(File.Exists(Path.Combine(site.Output, "admin", s))));
        Assert.Contains("  - name: \"parks\"\n", site.Read("admin/config.yml"));
        Assert.DoesNotContain("admin", site.Read("sitemap.xml"));
        Assert.DoesNotContain("Content-Security-Policy", site.Read("zh/index.html"));
    }

    /// <summary>Without a repository the editor commits through the local server only; site.yml's repository (or build
    /// --repository) makes it GitHub on that branch, with the collections' folders under the site's path there.</summary>
    [Fact]
    public void The_repository_setting_turns_the_backend_into_github_with_the_sites_folder_in_the_paths()
    {
        using var local = TestSite.Minimal(Vendored);
        local.BuildOk();
        Assert.Contains("  name: proxy\n", local.Read("admin/config.yml"));

        using var site = TestSite.Minimal(Vendored);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Directory, "site.yml")).TrimEnd() +
            "\nrepository: {repo: example-org/cc-atlas, branch: publish, path: atlas, editor_auth: 'https://auth.example.org'}\n");
        site.BuildOk();
        var config = site.Read("admin/config.yml");
        Assert.Contains("  name: github\n  repo: \"example-org/cc-atlas\"\n  branch: \"publish\"\n  base_url: \"https://auth.example.org\"\n", config);
        Assert.Contains("local_backend: true\n", config);
        Assert.Contains("    folder: \"atlas/content/parks\"\n", config);
    }

    [Fact]
    public void A_site_without_the_vendored_editor_has_no_admin()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        Assert.False(Directory.Exists(Path.Combine(site.Output, "admin")));
    }

    [Fact]
    public void The_shipped_atlas_keeps_its_public_policy_and_vendors_the_editor()
    {
        var baseHtml = File.ReadAllText(Path.Combine(Repository.Root, "templates/layouts/base.html"));
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'\">", baseHtml);
        foreach (var script in EditorPage.Scripts)
        {
            Assert.True(File.Exists(Path.Combine(Repository.Root, "templates/assets", script)), script);
        }

        Assert.True(File.Exists(Path.Combine(Repository.Root, "templates/assets/admin/decap-cms.LICENSE.txt")));
        Assert.True(File.Exists(Path.Combine(Repository.Root, "templates/assets/admin/yaml.LICENSE.txt")));
    }
}
