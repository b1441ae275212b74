using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Atlas.Rendering;

/// <summary>
/// A read-only view object that records, on the page being rendered, that the page read it. This is how the
/// dependency graph learns what each page really shows (an entity's summary, a collection's list, a taxonomy)
/// whatever its template does, so an incremental rebuild re-renders exactly the pages a change can affect.
/// </summary>
/// <remarks>Made without Scriban's import of a derived type's static members (it has none): that import looks through
/// the type by reflection for every object made, and views make one per entity, page and language.</remarks>
public sealed class TrackedObject(string key, IReadOnlyDictionary<string, string>? memberKeys = null, int capacity = 0)
    : ScriptObject(capacity, autoImportStaticsFromThisType: false)
{
    public string Key { get; } = key;

    /// <summary>More keys recorded with <see cref="Key"/> on any read (an entity page also shows its targets' names).</summary>
    public IReadOnlyList<string> AlsoKeys { get; init; } = [];

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (context is AtlasTemplateContext atlas)
        {
            atlas.Page.Touch(Key);
            foreach (var also in AlsoKeys)
            {
                atlas.Page.Touch(also);
            }

            // Some members depend on more than the object itself: an entity's "referenced_by" lists other
            // entities, so reading it depends on who points here, even when nobody does yet.
            if (memberKeys is not null && memberKeys.TryGetValue(member, out var extra))
            {
                atlas.Page.Touch(extra);
            }
        }

        if (!base.TryGetValue(context, span, member, out value))
        {
            return false;
        }

        if (value is LazyView lazy)
        {
            value = lazy.Value;
        }

        return true;
    }
}
