using System.Text.RegularExpressions;
using Atlas.Preview;
using Microsoft.Playwright;

namespace Atlas.BrowserTests.Support;

/// <summary>
/// The shipped atlas, copied from the repository (site.yml, content/, templates/) into a temporary folder, built fresh
/// and served by the preview server on 127.0.0.1 with a free port, and one headless Debian Chromium driven by
/// Playwright. Each test class takes it as a class fixture, so the classes run in parallel (xunit.runner.json), but
/// there is one site and one browser for the whole run: every instance hands out the same <see cref="SharedAtlas"/>,
/// started by the first class that needs it and stopped when the test process exits. Each test opens its own browser
/// context, so tests running at the same time share no cookies, cache or page.
/// </summary>
public sealed class AtlasSite : IAsyncLifetime
{
    public const string ChromiumPath = SharedAtlas.ChromiumPath;

    private SharedAtlas? _shared;

    public Uri Address => Shared.Address;

    /// <summary>The built site: every page is a file under it.</summary>
    public string OutputDirectory => Shared.OutputDirectory;

    public IBrowser Browser => Shared.Browser;

    private SharedAtlas Shared => _shared ?? throw new InvalidOperationException("the atlas is not served yet");

    /// <summary>tests/browser/node_modules/axe-core/axe.min.js, installed by `npm ci` in tests/browser.</summary>
    public static string AxeScript => Path.Combine(Repository.Root, "tests", "browser", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Where screenshots go: tests/Atlas.BrowserTests/TestResults/screenshots (ignored by git).</summary>
    public static string ScreenshotDirectory => Path.Combine(Repository.Root, "tests", "Atlas.BrowserTests", "TestResults", "screenshots");

    public async Task InitializeAsync() => _shared = await SharedAtlas.GetAsync();

    /// <summary>Nothing: the site and the browser outlive each class (see <see cref="SharedAtlas"/>).</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The absolute address of a site path such as "zh/parks/".</summary>
    public string Url(string path) => new Uri(Address, path.TrimStart('/')).AbsoluteUri;

    /// <summary>A pattern matching exactly this address (a plain string would be read as a glob, with ? as a wildcard).</summary>
    public static Regex Exactly(string url) => new("^" + Regex.Escape(url) + "$");

    /// <summary>A new page in a new context (its own cookies and cache); dispose the context when done.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> OpenAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? Desktop());
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        return (context, page);
    }

    public static BrowserNewContextOptions Desktop() => new() { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } };

    /// <summary>The site path of every page of the built site ("zh/parks/gaozhu-new-area/", "en/404.html", ...).</summary>
    public IReadOnlyList<string> AllPages() =>
        Directory.EnumerateFiles(OutputDirectory, "*.html", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(OutputDirectory, file).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part.StartsWith('.')))
            // The web editor (admin/, WebEditorTests) is a script application for editors, not a reader's page.
            .Where(path => !path.StartsWith("admin/", StringComparison.Ordinal))
            .Select(path => path == "index.html" ? "" : path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The shipped atlas's sources (site.yml, content/, templates/), copied into <paramref name="folder"/>.</summary>
    public static void CopyShippedAtlas(string folder)
    {
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(Repository.Root, "site.yml"), Path.Combine(folder, "site.yml"));
        CopyDirectory(Path.Combine(Repository.Root, "content"), Path.Combine(folder, "content"));
        CopyDirectory(Path.Combine(Repository.Root, "templates"), Path.Combine(folder, "templates"));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
