using Microsoft.Playwright;

namespace Atlas.BrowserTests.Support;

/// <summary>
/// The main map page of each language at each width, opened once for the tests that only read it (the map's geometry
/// checks): loading and laying out the map is the slow part, and these tests change nothing on the page. A test that
/// zooms or clicks opens its own page.
/// </summary>
public sealed class MapPages : IAsyncLifetime
{
    public const int Desktop = 1280;
    public const int Phone = 375;

    private readonly AtlasSite _site = new();
    private readonly Dictionary<(string Language, int Width), Task<IPage>> _pages = [];
    private readonly List<IBrowserContext> _contexts = [];
    private readonly Lock _lock = new();

    public AtlasSite Site => _site;

    public Task InitializeAsync() => _site.InitializeAsync();

    /// <summary>The map page of <paramref name="language"/> at <paramref name="width"/> CSS px, scripts run, loaded once.</summary>
    public Task<IPage> GetAsync(string language, int width)
    {
        lock (_lock)
        {
            if (!_pages.TryGetValue((language, width), out var page))
            {
                page = OpenAsync(language, width);
                _pages[(language, width)] = page;
            }

            return page;
        }
    }

    /// <summary>A new map page of <paramref name="language"/> at <paramref name="width"/>; dispose the context when done.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> OpenOwnAsync(string language, int width)
    {
        var (context, page) = await _site.OpenAsync(Options(width));
        await page.GotoAsync(_site.Url(language + "/map/"));
        return (context, page);
    }

    public static BrowserNewContextOptions Options(int width) => width == Phone ? MobileTests.Phone(scale: 1) : AtlasSite.Desktop();

    private async Task<IPage> OpenAsync(string language, int width)
    {
        var (context, page) = await _site.OpenAsync(Options(width));
        lock (_lock)
        {
            _contexts.Add(context);
        }

        await page.GotoAsync(_site.Url(language + "/map/"));
        return page;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }
}
