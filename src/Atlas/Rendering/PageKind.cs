namespace Atlas.Rendering;

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
}
