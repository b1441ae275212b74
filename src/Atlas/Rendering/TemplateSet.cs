using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Sources;
using Atlas.Yaml;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Atlas.Rendering;

/// <summary>
/// Every template under templates/ (but assets/ and i18n/), parsed once at load. Parsed Scriban templates are
/// immutable and are shared by all rendering threads. Paths are relative to the site folder: "templates/entity.html".
/// </summary>
public sealed partial class TemplateSet
{
    public const string LayoutPath = "templates/layouts/base.html";

    private readonly ImmutableDictionary<string, Template> _templates;

    private TemplateSet(ImmutableDictionary<string, Template> templates)
    {
        _templates = templates;
        Loader = new Resolver(this);
    }

    public ITemplateLoader Loader { get; }

    public IEnumerable<string> Paths => _templates.Keys.Order(StringComparer.Ordinal);

    public Template? Get(string path) => _templates.GetValueOrDefault(path);

    public static string PathOf(string name) => $"{SiteConfig.TemplatesFolder}/{name}";

    public static TemplateSet Load(SiteConfig config, DiagnosticBag diagnostics)
    {
        var templates = ImmutableDictionary.CreateBuilder<string, Template>(StringComparer.Ordinal);
        var root = SourcePolicy.Folder(SourcePolicy.Site(config.SiteDirectory), SiteConfig.TemplatesFolder, diagnostics, out var exists);
        if (!exists)
        {
            diagnostics.Error(SourceLocation.File(SiteConfig.TemplatesFolder + "/"), "there is no templates/ folder next to site.yml.");
            return new TemplateSet(templates.ToImmutable());
        }

        // Every template is read here, through the file policy (links stay inside templates/, hidden entries are never
        // read, only regular files): include resolves names against this set and never reads a file at render time.
        foreach (var file in root is null ? [] : SourcePolicy.Walk(root, diagnostics, skip: folder => folder is "assets" or "i18n"))
        {
            if (!file.Name.EndsWith(".html", StringComparison.Ordinal))
            {
                continue;
            }

            var display = file.Display;
            var text = SourceText.Read(file, diagnostics);
            if (text is null)
            {
                continue;
            }

            var template = Template.Parse(text, display, new ParserOptions(), new LexerOptions { Lang = ScriptLang.Default });
            if (template.HasErrors)
            {
                foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
                {
                    diagnostics.Error(Locate(message.Span), $"template syntax: {message.Message}");
                }

                continue;
            }

            templates[display] = template;
        }

        var set = new TemplateSet(templates.ToImmutable());
        foreach (var required in new[] { LayoutPath, PathOf("root.html"), PathOf("home.html") }.Concat(SitePlanner.RequiredTemplates(config)))
        {
            if (set.Get(required) is null)
            {
                diagnostics.Error(SourceLocation.File(required), "this template is required (by site.yml or the engine); create it.");
            }
        }

        foreach (var collection in config.Collections)
        {
            foreach (var name in new[] { collection.EntityTemplate, collection.IndexTemplate })
            {
                if (set.Get(PathOf(name)) is null)
                {
                    diagnostics.Error(collection.Location,
                        $"collection '{collection.Name}' uses template '{name}', which is not in templates/; create it or fix the name.");
                }
            }
        }

        return set;
    }

    /// <summary>Scriban spans are 0-based; diagnostics are 1-based like editors.</summary>
    public static SourceLocation Locate(SourceSpan span) =>
        new(span.FileName ?? "templates", span.Start.Line + 1, span.Start.Column + 1);

    [GeneratedRegex(@"^[a-z0-9_\-]+(/[a-z0-9_\-]+)*\.html$", RegexOptions.CultureInvariant)]
    private static partial Regex IncludeName();

    /// <summary>Resolves <c>include "partials/x.html"</c> to a parsed template; never reads a file at render time.</summary>
    private sealed class Resolver(TemplateSet set) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            if (templateName is null || !IncludeName().IsMatch(templateName))
            {
                throw new ScriptRuntimeException(callerSpan,
                    $"include '{templateName}' is not a template name; use a path under templates/ such as \"partials/nav.html\"");
            }

            var path = PathOf(templateName);
            if (set.Get(path) is null)
            {
                throw new ScriptRuntimeException(callerSpan, $"include '{templateName}': there is no {path}; create it or fix the name");
            }

            return path;
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            throw new ScriptRuntimeException(callerSpan, "templates are parsed at load time"); // CreateTemplate is overridden

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }
}
