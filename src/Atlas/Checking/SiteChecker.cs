using System.Collections.Concurrent;
using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Atlas.Diagnostics;

namespace Atlas.Checking;

/// <summary>
/// Checks a built site the way a reader's browser and a crawler would meet it: every internal link, image, script
/// and stylesheet exists; every #anchor exists on its page; hreflang alternates exist and point back; every page
/// has a title and exactly one h1. External links are listed, never fetched.
/// </summary>
public static class SiteChecker
{
    private static readonly string[] LinkAttributes = ["href", "src"];

    public static CheckReport Check(string output, string baseUrl)
    {
        output = Path.GetFullPath(output);
        var basePath = new Uri(baseUrl).AbsolutePath;
        var pages = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var documents = new ConcurrentDictionary<string, IDocument>(StringComparer.Ordinal);
        IDocument Load(string page) => documents.GetOrAdd(page, p => parser.ParseDocument(File.ReadAllText(Path.Combine(output, p))));

        var problems = new ConcurrentBag<Diagnostic>();
        var external = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        Parallel.ForEach(pages, page =>
        {
            var document = Load(page);
            var display = page;
            void Problem(IElement? element, string message) =>
                problems.Add(Diagnostic.Error(new SourceLocation(display, element?.SourceReference?.Position.Line ?? 1,
                    element?.SourceReference?.Position.Column ?? 1), message));

            if (string.IsNullOrWhiteSpace(document.Title))
            {
                Problem(document.Head, "the page has no <title>.");
            }

            var headings = document.QuerySelectorAll("h1");
            if (headings.Length != 1)
            {
                Problem(headings.Skip(1).FirstOrDefault() ?? document.Body, $"the page has {headings.Length} h1 headings; it needs exactly one.");
            }

            foreach (var element in document.QuerySelectorAll("[href], [src]"))
            {
                foreach (var attribute in LinkAttributes)
                {
                    if (element.GetAttribute(attribute) is not { } value || element.LocalName == "base")
                    {
                        continue;
                    }

                    var target = LinkResolver.Resolve(page, value, baseUrl, basePath);
                    switch (target)
                    {
                        case null:
                            continue;
                        case { External: true }:
                            external.TryAdd(value, 0);
                            continue;
                    }

                    var file = Path.Combine(output, target.File);
                    if (!File.Exists(file))
                    {
                        Problem(element, $"broken link {attribute}=\"{value}\": {target.File} does not exist.");
                    }
                    else if (target.Fragment is { Length: > 0 } fragment && target.File.EndsWith(".html", StringComparison.Ordinal) &&
                             Load(target.File).GetElementById(Uri.UnescapeDataString(fragment)) is null)
                    {
                        Problem(element, $"broken anchor {attribute}=\"{value}\": {target.File} has no element with id \"{fragment}\".");
                    }
                }
            }

            // Language alternates must point back to each other; x-default (the language chooser) need not.
            foreach (var alternate in document.QuerySelectorAll("link[rel=alternate][hreflang]:not([hreflang=x-default])"))
            {
                var href = alternate.GetAttribute("href") ?? "";
                var target = LinkResolver.Resolve(page, href, baseUrl, basePath);
                if (target is null || target.External || !File.Exists(Path.Combine(output, target.File)))
                {
                    continue; // reported as a broken link above, or outside the site
                }

                var back = Load(target.File).QuerySelectorAll("link[rel=alternate][hreflang]")
                    .Select(l => LinkResolver.Resolve(target.File, l.GetAttribute("href") ?? "", baseUrl, basePath)?.File);
                if (!back.Contains(page))
                {
                    Problem(alternate, $"hreflang {alternate.GetAttribute("hreflang")} points to {target.File}, which has no alternate pointing back here.");
                }
            }
        });

        // Leftovers of a build that was stopped while moving files into place (killed, or the disk filled): the pages
        // around them may be a mix of two builds even when every link works.
        foreach (var leftover in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(Output.InPlaceWriter.TemporarySuffix, StringComparison.Ordinal) ||
                                 f.EndsWith(Output.InPlaceWriter.BackupSuffix, StringComparison.Ordinal)))
        {
            problems.Add(Diagnostic.Error(new SourceLocation(Path.GetRelativePath(output, leftover).Replace('\\', '/'), 1, 1),
                "a file left by a build that did not finish (a killed build or a full disk); the output may mix two builds. " +
                "Run a full build (atlas build, without --incremental) to replace it."));
        }

        var ordered = problems
            .OrderBy(p => p.Location.Path, StringComparer.Ordinal).ThenBy(p => p.Location.Line).ThenBy(p => p.Location.Column)
            .ThenBy(p => p.Message, StringComparer.Ordinal)
            .ToImmutableArray();
        return new CheckReport(ordered, [.. external.Keys], pages.Count);
    }
}
