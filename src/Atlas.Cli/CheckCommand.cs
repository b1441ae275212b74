using System.CommandLine;
using Atlas.Building;
using Atlas.Checking;
using Atlas.Diagnostics;
using Atlas.Loading;

namespace Atlas.Cli;

/// <summary>
/// <c>atlas check</c>: validates the content and the built site (links, anchors, assets, hreflang, titles, h1).
/// Without --output it builds into a temporary folder first, so it always checks the current content.
/// </summary>
public static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var site = CommonOptions.Site();
        var output = new Option<string?>("--output", "-o") { Description = "Check this already built folder instead of building." };
        var baseUrl = new Option<string?>("--base-url") { Description = "The base URL the site was built with (default: site.yml's)." };
        var timeout = CommonOptions.Timeout();
        var command = new Command("check", "Check the content and the built site: links, #anchors, assets, hreflang pairs, titles and h1s.")
        {
            site, output, baseUrl, timeout,
        };

        command.SetAction(parse =>
        {
            var siteDirectory = parse.GetValue(site)!;
            var diagnostics = new DiagnosticBag();
            var buildOptions = new BuildOptions(siteDirectory) { BaseUrl = parse.GetValue(baseUrl), Timeout = CommonOptions.Seconds(parse.GetValue(timeout)) };
            var loaded = SiteLoader.Load(buildOptions.Load, diagnostics);
            if (loaded is null)
            {
                DiagnosticPrinter.Print(diagnostics.ToSortedList(), siteDirectory, stderr);
                stderr.WriteLine($"check failed: the content has {BuildCommand.Plural(diagnostics.ErrorCount, "error")}.");
                return AtlasCommand.ContentErrors;
            }

            var folder = parse.GetValue(output);
            string? temporary = null;
            if (folder is null)
            {
                temporary = Path.Combine(Path.GetTempPath(), "atlas-check-" + Guid.NewGuid().ToString("N")[..10]);
                folder = Path.Combine(temporary, "public");
                // The site loaded above is the one built: loaded once.
                var result = SiteBuilder.Build(buildOptions with { OutputDirectory = folder }, loaded, diagnostics);
                if (!result.Succeeded)
                {
                    DiagnosticPrinter.Print(result.Diagnostics, siteDirectory, stderr);
                    stderr.WriteLine($"check failed: the build has {BuildCommand.Plural(result.ErrorCount, "error")}.");
                    Directory.Delete(temporary, recursive: true);
                    return AtlasCommand.ContentErrors;
                }
            }
            else if (!Directory.Exists(folder))
            {
                stderr.WriteLine(VisibleText.Escape($"atlas: error: {folder} does not exist; build first or leave out --output."));
                return AtlasCommand.ContentErrors;
            }

            // Warnings the build (or the load) found, such as Git dates that cannot be trusted: said once, like build does.
            DiagnosticPrinter.Print(diagnostics.ToSortedList().Where(d => !d.IsError), siteDirectory, stderr);
            var siteBaseUrl = loaded.Config.BaseUrl;
            loaded = null; // the model is not needed to check the built pages: let it go before they are read
            try
            {
                var report = SiteChecker.Check(folder, siteBaseUrl);
                // Like every other problem: path:line:col: error: message, grouped by kind. A folder the user named is
                // part of the path; pages of our own temporary build are named relative to it.
                DiagnosticPrinter.Print(temporary is null
                    ? report.Problems.Select(p => p with { Location = p.Location with { Path = Path.Combine(folder, p.Location.Path) } })
                    : report.Problems, siteDirectory, stderr);

                if (report.ExternalLinks.Count > 0)
                {
                    stdout.WriteLine($"external links (not fetched): {report.ExternalLinks.Count}");
                    foreach (var link in report.ExternalLinks)
                    {
                        stdout.WriteLine("  " + VisibleText.Escape(link));
                    }
                }

                var summary = $"checked {BuildCommand.Plural(report.PagesChecked, "page")}: {BuildCommand.Plural(report.Problems.Length, "problem")}.";
                (report.Problems.Length == 0 ? stdout : stderr).WriteLine(summary);
                return report.Problems.Length == 0 ? AtlasCommand.Ok : AtlasCommand.ContentErrors;
            }
            finally
            {
                if (temporary is not null)
                {
                    Directory.Delete(temporary, recursive: true);
                }
            }
        });

        return command;
    }
}
