using System.Text.RegularExpressions;
using Atlas.Preview;
using Microsoft.Playwright;

namespace Atlas.BrowserTests.Support;

[CollectionDefinition(Name)]
public sealed class AtlasCollection : ICollectionFixture<AtlasSite>
{
    public const string Name = "atlas in chromium";
}

/// <summary>
/// The shipped atlas, copied from the repository (site.yml, content/, templates/) into a temporary folder, built fresh
/// and served by the preview server on 127.0.0.1 with a free port, and one headless Debian Chromium driven by
/// Playwright. Shared by every test class; the tests of the collection run one after another.
/// </summary>
public sealed class AtlasSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The flags the workplace's closed network needs (no background requests, no QUIC, no sandbox as root).</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly string _copy = Path.Combine(Path.GetTempPath(), "atlas-browser-" + Guid.NewGuid().ToString("N")[..10]);
    private PreviewServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri Address => _server?.Address ?? throw new InvalidOperationException("the atlas is not served yet");

    /// <summary>The built site: every page is a file under it.</summary>
    public string OutputDirectory => _server?.OutputDirectory ?? throw new InvalidOperationException("the atlas is not built yet");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("chromium is not running");

    /// <summary>tests/browser/node_modules/axe-core/axe.min.js, installed by `npm ci` in tests/browser.</summary>
    public static string AxeScript => Path.Combine(Repository.Root, "tests", "browser", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Where screenshots go: tests/Atlas.BrowserTests/TestResults/screenshots (ignored by git).</summary>
    public static string ScreenshotDirectory => Path.Combine(Repository.Root, "tests", "Atlas.BrowserTests", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: install Debian's Chromium and the CJK fonts (apt-get install -y chromium fonts-noto-cjk)");
        }

        // A private copy: edits in the working tree while the tests run must not rebuild the site under them.
        CopyShippedAtlas(_copy);

        _server = await PreviewServer.StartAsync(new PreviewOptions(_copy) { Port = 0 });
        if (_server.Errors.Count > 0)
        {
            throw new InvalidOperationException("the shipped atlas did not build:\n" + string.Join("\n", _server.Errors.Take(30)));
        }

        // Playwright's .NET driver (its own Node.js, shipped in the NuGet package) must never fetch a browser.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_copy, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder; the system cleans it up
        }
    }

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
