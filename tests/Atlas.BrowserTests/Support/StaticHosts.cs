using Atlas.Building;

namespace Atlas.BrowserTests.Support;

/// <summary>
/// The shipped atlas built as it would be published, with the base URL <see cref="BaseUrl"/> (its path "/atlas/"),
/// and served by two <see cref="StaticHost"/>s: under that sub-path, where the base URL is right, and at the root, as
/// `python3 -m http.server -d public` serves it, where the base URL's path is wrong. The browser is the run's one
/// Chromium (<see cref="AtlasSite"/>).
/// </summary>
public sealed class StaticHosts : IAsyncLifetime
{
    public const string BaseUrl = "https://example.org/atlas/";

    private string? _copy;

    public StaticHost Root { get; private set; } = null!;

    public StaticHost SubPath { get; private set; } = null!;

    /// <summary>The host serving the site at <paramref name="mount"/>: "/" or "/atlas/".</summary>
    public StaticHost At(string mount) => mount == "/" ? Root : SubPath;

    public async Task InitializeAsync()
    {
        _copy = Path.Combine(Path.GetTempPath(), "atlas-static-" + Guid.NewGuid().ToString("N")[..10]);
        AtlasSite.CopyShippedAtlas(_copy);
        var output = Path.Combine(_copy, "public");
        var result = await Task.Run(() => SiteBuilder.Build(new BuildOptions(_copy) { OutputDirectory = output, BaseUrl = BaseUrl, SaveState = false }));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("the shipped atlas did not build:\n" +
                                                string.Join("\n", result.Diagnostics.Where(d => d.IsError).Take(30)));
        }

        Root = await StaticHost.StartAsync(output, "/");
        SubPath = await StaticHost.StartAsync(output, new Uri(BaseUrl).AbsolutePath);
    }

    public async Task DisposeAsync()
    {
        await Root.DisposeAsync();
        await SubPath.DisposeAsync();
        try
        {
            Directory.Delete(_copy!, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder; the system cleans it up
        }
    }
}
