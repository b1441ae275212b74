using Atlas.Preview;
using Microsoft.Playwright;

namespace Atlas.BrowserTests.Support;

/// <summary>
/// The one built and served atlas and the one Chromium of a test run. xunit 2 has no fixture for a whole assembly, so
/// the first <see cref="AtlasSite"/> to initialise starts it and the test process's exit stops it: building the site
/// and launching the browser once, not once per test class, is what lets the classes run in parallel cheaply.
/// </summary>
public sealed class SharedAtlas
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The flags the workplace's closed network needs (no background requests, no QUIC, no sandbox as root).</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private static readonly Lazy<Task<SharedAtlas>> Instance = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _copy;
    private readonly PreviewServer _server;
    private readonly IPlaywright _playwright;

    private SharedAtlas(string copy, PreviewServer server, IPlaywright playwright, IBrowser browser)
    {
        _copy = copy;
        _server = server;
        _playwright = playwright;
        Browser = browser;
    }

    public Uri Address => _server.Address;

    public string OutputDirectory => _server.OutputDirectory;

    public IBrowser Browser { get; }

    /// <summary>The running atlas, started on the first call; a failed start fails every caller the same way.</summary>
    public static Task<SharedAtlas> GetAsync() => Instance.Value;

    private static async Task<SharedAtlas> StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: install Debian's Chromium and the CJK fonts (apt-get install -y chromium fonts-noto-cjk)");
        }

        // A private copy: edits in the working tree while the tests run must not rebuild the site under them.
        var copy = Path.Combine(Path.GetTempPath(), "atlas-browser-" + Guid.NewGuid().ToString("N")[..10]);
        AtlasSite.CopyShippedAtlas(copy);

        var server = await PreviewServer.StartAsync(new PreviewOptions(copy) { Port = 0 });
        if (server.Errors.Count > 0)
        {
            throw new InvalidOperationException("the shipped atlas did not build:\n" + string.Join("\n", server.Errors.Take(30)));
        }

        // Playwright's .NET driver (its own Node.js, shipped in the NuGet package) must never fetch a browser.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });

        var shared = new SharedAtlas(copy, server, playwright, browser);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => shared.StopAsync().Wait(TimeSpan.FromSeconds(20));
        return shared;
    }

    private async Task StopAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
        try
        {
            Directory.Delete(_copy, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder; the system cleans it up
        }
    }
}
