using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Atlas.Localization;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Atlas.Rendering;

/// <summary>
/// The functions templates may call besides Scriban's builtins. One read-only object shared by every page render;
/// the page-specific part (language, depth) comes from the <see cref="AtlasTemplateContext"/>.
/// </summary>
public static class TemplateFunctions
{
    /// <param name="bundleOf">Each language's UI strings, by language code (null for a language the site lacks).</param>
    public static ScriptObject Create(AssetSet assets, string baseUrl, Func<string, I18nBundle?> bundleOf)
    {
        var functions = new ScriptObject();

        // t "nav.home": a UI string of the page's language. A missing key is an error, not a blank.
        TypedFunctions.Add(functions, "t", new Func<TemplateContext, string, string>((context, key) => Translate(context, key)));

        // tf "index.count" 12: a UI string with {0} replaced.
        TypedFunctions.Add(functions, "tf", new Func<TemplateContext, string, object, string>((context, key, argument) =>
            Translate(context, key).Replace("{0}", Convert.ToString(argument, CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        // url "zh/parks/": a link relative to the current page, so the site works under any sub-path and host.
        TypedFunctions.Add(functions, "url", new Func<TemplateContext, string, string>((context, path) =>
            Page(context).RootPrefix + (path ?? "").TrimStart('/')));

        // abs_url "zh/parks/": an absolute URL under base_url, for canonical links, hreflang and feeds.
        TypedFunctions.Add(functions, "abs_url", new Func<string, string>(path => baseUrl + (path ?? "").TrimStart('/')));

        // asset "style.css": the fingerprinted asset's URL relative to the current page.
        TypedFunctions.Add(functions, "asset", new Func<TemplateContext, string, string>((context, name) =>
        {
            var asset = assets.Find(name ?? "") ??
                        throw new ScriptRuntimeException(context.CurrentSpan, $"asset '{name}' does not exist in templates/assets/");
            return Page(context).RootPrefix + asset.PublishedPath;
        }));

        // t_in "en" "notfound.title": a UI string of another language, for a page that speaks both (the 404 page).
        TypedFunctions.Add(functions, "t_in", new Func<TemplateContext, string, string, string>((context, language, key) =>
        {
            var bundle = bundleOf(language ?? "") ??
                         throw new ScriptRuntimeException(context.CurrentSpan, $"t_in: the site has no language '{language}'");
            return bundle.Get(key ?? "") ??
                   throw new ScriptRuntimeException(context.CurrentSpan, $"UI string '{key}' is not defined in {bundle.Path}; add it to every language's bundle");
        }));

        // inline_style "style.css": a stylesheet's text for a <style> element; style_hash "style.css": its hash
        // ("sha256-..."), the source the page's Content-Security-Policy must allow. For the 404 page: served at every
        // missing address, at any depth and under any sub-path, it can reach no file by a relative link, and a link
        // from the base URL's path fails wherever the site is served elsewhere (as at the root of a local server).
        TypedFunctions.Add(functions, "inline_style", new Func<TemplateContext, string, SafeHtml>((context, name) =>
            new SafeHtml(StyleText(context, assets, name))));
        TypedFunctions.Add(functions, "style_hash", new Func<TemplateContext, string, string>((context, name) =>
            "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(StyleText(context, assets, name))))));
        // latest entities "issued" 3: the entries of a list that have that field, newest first, at most 3 (see Latest).
        TypedFunctions.Add(functions, "latest", new Func<TemplateContext, ScriptArray, string, int, ScriptArray>(Latest));

        functions.IsReadOnly = true;
        return functions;
    }

    private static string StyleText(TemplateContext context, AssetSet assets, string name)
    {
        var asset = assets.Find(name ?? "");
        if (asset is null || !asset.Name.EndsWith(".css", StringComparison.Ordinal))
        {
            throw new ScriptRuntimeException(context.CurrentSpan, $"inline_style: '{name}' is not a stylesheet in templates/assets/");
        }

        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(asset.Content).TrimStart('\uFEFF');
        if (text.Contains("</style", StringComparison.OrdinalIgnoreCase))
        {
            // It would end the <style> element early and the rest would be read as HTML.
            throw new ScriptRuntimeException(context.CurrentSpan, $"inline_style: {asset.SourcePath} contains '</style', which would end the element it is inlined in");
        }

        return text;
    }

    /// <summary>
    /// The entries of a list of entity summaries that have <paramref name="field"/> set, highest first: a date by its
    /// ISO form (2024 after 2021-12-14), a number by its value (the latest joint conference is the highest session,
    /// dated or not); ties keep the list's order. Reads go through the views, so the page depends on what it compared.
    /// </summary>
    private static ScriptArray Latest(TemplateContext context, ScriptArray list, string field, int count)
    {
        var keyed = new List<(object Item, IComparable Key)>();
        foreach (var item in (list ?? []).OfType<ScriptObject>())
        {
            if (Member(context, item, "values") is { } values && Member(context, values, field) is { } value &&
                (Member(context, value, "iso") ?? Member(context, value, "value")) is IComparable key)
            {
                keyed.Add((item, key));
            }
        }

        var newestFirst = Comparer<IComparable>.Create((x, y) =>
            y is string b && x is string a ? string.CompareOrdinal(b, a) : y.CompareTo(x));
        return new ScriptArray(keyed.OrderBy(k => k.Key, newestFirst).Take(Math.Max(0, count)).Select(k => k.Item));
    }

    private static object? Member(TemplateContext context, object? target, string member) =>
        target is ScriptObject obj && obj.TryGetValue(context, context.CurrentSpan, member, out var value) ? value : null;

    private static PageState Page(TemplateContext context) => ((AtlasTemplateContext)context).Page;

    private static string Translate(TemplateContext context, string key)
    {
        var bundle = Page(context).Bundle ??
                     throw new ScriptRuntimeException(context.CurrentSpan, "t: this page has no language; use the site.languages values instead");
        return bundle.Get(key ?? "") ??
               throw new ScriptRuntimeException(context.CurrentSpan, $"UI string '{key}' is not defined in {bundle.Path}; add it to every language's bundle");
    }
}
