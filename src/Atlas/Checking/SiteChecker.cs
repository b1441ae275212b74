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
/// Pages are streamed: each is parsed, checked and let go, keeping only what other pages' checks need from it (its
/// language alternates, and the links into other pages' #anchors); a second pass reads again just the pages those
/// anchors point into. Memory stays that of a few pages at a time, not of every parsed page (260 MB at 1,112 pages).
/// </summary>
public static class SiteChecker
{
    private static readonly string[] LinkAttributes = ["href", "src"];

    /// <summary>A link into another page's #anchor, checked in the second pass.</summary>
    private sealed record AnchorLink(string Page, SourceLocation Location, string Attribute, string Value, string Fragment);

    /// <summary>A language alternate of a page, checked for a link back once every page's alternates are known.</summary>
    private sealed record Alternate(string Page, SourceLocation Location, string Hreflang, string Target);

    public static CheckReport Check(string output, string baseUrl)
    {
        output = Path.GetFullPath(output);
        var basePath = new Uri(baseUrl).AbsolutePath;
        var pages = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        IDocument Load(string page) => parser.ParseDocument(File.ReadAllText(Path.Combine(output, page)));

        var problems = new ConcurrentBag<Diagnostic>();
        var external = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var anchorLinks = new ConcurrentDictionary<string, ConcurrentBag<AnchorLink>>(StringComparer.Ordinal); // by target page
        var alternates = new ConcurrentBag<Alternate>();
        var pointsTo = new ConcurrentDictionary<string, ImmutableArray<string?>>(StringComparer.Ordinal); // page → its alternates' files

        static SourceLocation At(string page, IElement? element) =>
            new(page, element?.SourceReference?.Position.Line ?? 1, element?.SourceReference?.Position.Column ?? 1);

        Parallel.ForEach(pages, page =>
        {
            var document = Load(page);
            void Problem(IElement? element, string message) => problems.Add(Diagnostic.Error(At(page, element), message));

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
                    else if (target.Fragment is { Length: > 0 } fragment && target.File.EndsWith(".html", StringComparison.Ordinal))
                    {
                        if (target.File == page)
                        {
                            CheckAnchor(document, new AnchorLink(page, At(page, element), attribute, value, fragment), target.File, problems);
                        }
                        else
                        {
                            anchorLinks.GetOrAdd(target.File, _ => []).Add(new AnchorLink(page, At(page, element), attribute, value, fragment));
                        }
                    }
                }
            }

            // What the hreflang check needs of this page once it is let go: where its alternates point.
            var links = document.QuerySelectorAll("link[rel=alternate][hreflang]");
            pointsTo[page] = [.. links.Select(l => LinkResolver.Resolve(page, l.GetAttribute("href") ?? "", baseUrl, basePath)?.File)];
            foreach (var alternate in links.Where(l => l.GetAttribute("hreflang") != "x-default"))
            {
                // x-default (the language chooser) need not point back.
                var target = LinkResolver.Resolve(page, alternate.GetAttribute("href") ?? "", baseUrl, basePath);
                if (target is not null && !target.External && File.Exists(Path.Combine(output, target.File)))
                {
                    alternates.Add(new Alternate(page, At(page, alternate), alternate.GetAttribute("hreflang") ?? "", target.File));
                } // else reported as a broken link above, or outside the site
            }
        });

        // Language alternates must point back to each other.
        foreach (var alternate in alternates)
        {
            if (!pointsTo.TryGetValue(alternate.Target, out var back) || !back.Contains(alternate.Page))
            {
                problems.Add(Diagnostic.Error(alternate.Location,
                    $"hreflang {alternate.Hreflang} points to {alternate.Target}, which has no alternate pointing back here."));
            }
        }

        // The second pass: only the pages that links' #anchors point into, each parsed once more and let go.
        Parallel.ForEach(anchorLinks, target =>
        {
            var document = Load(target.Key);
            foreach (var link in target.Value)
            {
                CheckAnchor(document, link, target.Key, problems);
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

    private static void CheckAnchor(IDocument target, AnchorLink link, string targetFile, ConcurrentBag<Diagnostic> problems)
    {
        if (target.GetElementById(Uri.UnescapeDataString(link.Fragment)) is null)
        {
            problems.Add(Diagnostic.Error(link.Location,
                $"broken anchor {link.Attribute}=\"{link.Value}\": {targetFile} has no element with id \"{link.Fragment}\"."));
        }
    }
}
