namespace Atlas.Model;

public enum PageKind
{
    /// <summary>The site root: the reader picks a language.</summary>
    Root,
    /// <summary>The home page of one language.</summary>
    Home,
    /// <summary>The index of one collection in one language.</summary>
    Collection,
    /// <summary>One entity in one language.</summary>
    Entity,
    /// <summary>One entity with both languages side by side (the reading mode).</summary>
    Compare,
    /// <summary>An extra page declared under pages: in site.yml (map, timeline, figures, search...).</summary>
    Page,
    /// <summary>The list of terms of a taxonomy.</summary>
    TaxonomyIndex,
    /// <summary>The entities of one taxonomy term.</summary>
    TaxonomyTerm,
    /// <summary>The "page not found" page of one language; the root one serves both.</summary>
    NotFound,
}
