using System.Collections.Concurrent;
using Atlas.Localization;
using Atlas.Model;

namespace Atlas.Rendering;

/// <summary>What template functions need to know about the page being rendered (its language, where it sits).</summary>
public sealed class PageState(PageSpec spec, I18nBundle? bundle, Formatter? formatter)
{
    public PageSpec Spec { get; } = spec;

    /// <summary>The page's way back to the site root, computed once: every link and every body with entity links uses it.</summary>
    public string RootPrefix { get; } = spec.RootPrefix;

    /// <summary>The page's UI strings; null only on the language-neutral root page.</summary>
    public I18nBundle? Bundle { get; } = bundle;

    public Formatter? Formatter { get; } = formatter;

    /// <summary>Templates used by the render (page, layout, partials), for the dependency graph.</summary>
    public ConcurrentDictionary<string, byte> UsedTemplates { get; } = new(StringComparer.Ordinal);

    /// <summary>What the render read (see <see cref="DependencyKeys"/>); a page renders on one thread at a time.</summary>
    public HashSet<string> Touched { get; } = new(StringComparer.Ordinal);

    public void Touch(string key) => Touched.Add(key);
}
