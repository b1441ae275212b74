using Atlas.Config;
using Atlas.Model;
using Scriban.Runtime;

namespace Atlas.Rendering;

/// <summary>
/// The <c>page</c> object every template sees: its path, kind, language, title and description, canonical address,
/// the way back to the site root, the same page in the other languages and the alternates for search engines.
/// </summary>
internal static class PageView
{
    public static ScriptObject Of(SiteConfig config, PageSpec page, string title, string description)
    {
        var translations = new List<ScriptObject>();
        var alternates = new List<ScriptObject>();
        if (page.Language is not null)
        {
            foreach (var language in config.Languages)
            {
                var path = page.PathIn(language.Code);
                translations.Add(ViewFactory.Obj(("lang", language.Code), ("locale", language.Locale), ("name", language.Name),
                    ("path", path), ("current", language.Code == page.Language && page.Path.Contains('/'))));
                alternates.Add(ViewFactory.Obj(("hreflang", language.Locale), ("href", config.BaseUrl + path)));
            }

            alternates.Add(ViewFactory.Obj(("hreflang", "x-default"),
                ("href", config.BaseUrl + (page.Kind == PageKind.Home ? "" : page.PathIn(config.DefaultLanguage)))));
            if (page.Kind == PageKind.NotFound)
            {
                alternates.Clear(); // a 404 is not a page to index: no alternates for search engines
            }
        }
        else
        {
            foreach (var language in config.Languages)
            {
                alternates.Add(ViewFactory.Obj(("hreflang", language.Locale), ("href", config.BaseUrl + language.Code + "/")));
            }

            alternates.Add(ViewFactory.Obj(("hreflang", "x-default"), ("href", config.BaseUrl)));
        }

        var locale = page.Language is null ? config.Language(config.DefaultLanguage)!.Locale : config.Language(page.Language)!.Locale;
        return ViewFactory.Obj(
            ("path", page.Path),
            ("kind", page.Kind.ToString().ToLowerInvariant()),
            ("lang", page.Language),
            ("locale", locale),
            ("title", title),
            ("description", description),
            ("canonical", config.BaseUrl + page.Path),
            ("root", page.RootPrefix),
            ("translations", ViewFactory.Array(translations)),
            ("alternates", ViewFactory.Array(alternates)));
    }
}
