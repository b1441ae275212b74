namespace Atlas.Exports;

/// <summary>A file the build writes besides the HTML pages (data, feeds, sitemap, search index).</summary>
public sealed record GeneratedFile(string Path, byte[] Content);
