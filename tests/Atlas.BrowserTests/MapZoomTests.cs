using System.Globalization;
using System.Text.Json;
using Atlas.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atlas.BrowserTests;

/// <summary>
/// Zoom and pan on the main map (atlas.js changes the svg's viewBox): buttons, keyboard, wheel, drag and pinch, within
/// bounds, with labels keeping their size on screen; and without JavaScript the map is the whole frame, no controls, and
/// on a phone as wide as its labels need, in a figure that scrolls sideways.
/// Each test opens its own page, since each changes the view.
/// </summary>
public sealed class MapZoomTests(MapPages pages) : IClassFixture<MapPages>
{
    private const string SvgSelector = "figure.atlas-map > svg:not(.map-inset)";

    /// <summary>The view as x, y, width, height in map units.</summary>
    private sealed record View(double X, double Y, double Width, double Height)
    {
        public static View Parse(string? viewBox)
        {
            var n = (viewBox ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.True(n.Length == 4, $"not a viewBox: '{viewBox}'");
            return new View(n[0], n[1], n[2], n[3]);
        }

        public bool Near(View other) =>
            Math.Abs(X - other.X) < 0.01 && Math.Abs(Y - other.Y) < 0.01 && Math.Abs(Width - other.Width) < 0.01 && Math.Abs(Height - other.Height) < 0.01;
    }

    private static async Task<View> ViewOf(IPage page) => View.Parse(await page.Locator(SvgSelector).GetAttributeAsync("viewBox"));

    /// <summary>The frame as built (the svg's viewBox in the served HTML, before the script ran).</summary>
    private static async Task<View> FrameOf(IPage page) => View.Parse(await page.EvaluateAsync<string>("""
        async () => {
          const html = await (await fetch(location.href)).text();
          return new DOMParser().parseFromString(html, "text/html").querySelector("figure.atlas-map > svg").getAttribute("viewBox");
        }
        """));

    /// <summary>The screen size in CSS px of the first placed label (or any text of the map): font size × scale.</summary>
    private static Task<double> LabelPixels(IPage page) => page.EvaluateAsync<double>($$"""
        () => {
          const svg = document.querySelector("{{SvgSelector}}");
          const t = svg.querySelector("text.map-label") ?? svg.querySelector("text");
          const m = t.getScreenCTM();
          return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
        }
        """);

    [Theory]
    [InlineData("zh", MapPages.Desktop)]
    [InlineData("en", MapPages.Phone)]
    public async Task The_zoom_buttons_change_the_view_within_bounds_and_whole_map_restores_the_frame(string language, int width)
    {
        var (context, page) = await pages.OpenOwnAsync(language, width);
        await using var _ = context;
        var zoom = page.Locator("[data-map-zoom]");
        await Expect(zoom).ToBeVisibleAsync();
        var zoomIn = zoom.Locator("button[data-zoom=in]");
        var zoomOut = zoom.Locator("button[data-zoom=out]");
        var whole = zoom.Locator("button[data-zoom=reset]");
        await Expect(zoomIn).ToHaveAccessibleNameAsync(language == "zh" ? "放大" : "Zoom in");
        await Expect(zoomOut).ToHaveAccessibleNameAsync(language == "zh" ? "缩小" : "Zoom out");
        await Expect(whole).ToHaveTextAsync(language == "zh" ? "全图" : "Whole map");

        var frame = await FrameOf(page);
        var first = await ViewOf(page);
        var aspect = first.Width / first.Height;
        Assert.Equal(frame.Width / frame.Height, aspect, 3);
        var labelSize = await LabelPixels(page);

        await zoomIn.ClickAsync();
        var zoomed = await ViewOf(page);
        Assert.True(zoomed.Width < first.Width * 0.8, $"+ left the view {zoomed.Width} units wide (was {first.Width})");
        Assert.Equal(aspect, zoomed.Width / zoomed.Height, 3);
        // The map grows under the labels; the labels keep their size on screen.
        var zoomedLabelSize = await LabelPixels(page);
        Assert.True(Math.Abs(labelSize - zoomedLabelSize) < 0.05, $"a label went from {labelSize:F2} to {zoomedLabelSize:F2} px on zooming in");

        await zoomOut.ClickAsync();
        await zoomOut.ClickAsync();
        Assert.True((await ViewOf(page)).Width > zoomed.Width * 1.5, "− did not zoom out");

        await whole.ClickAsync();
        Assert.True((await ViewOf(page)).Near(frame), $"'whole map' shows {await ViewOf(page)}, not the frame {frame}");
        if (width == MapPages.Desktop)
        {
            Assert.True(first.Near(frame), $"on a desktop the map opens on its frame {frame}, not {first}");
        }

        // Bounds: never in past 8 times the frame, never out past the whole base map.
        for (var i = 0; i < 8; i++)
        {
            await zoomIn.ClickAsync(new() { Force = i > 5 });
        }

        var deepest = await ViewOf(page);
        Assert.True(deepest.Width >= frame.Width / 8 - 0.01, $"zoomed in to {frame.Width / deepest.Width:F1}×");
        Assert.True(deepest.Width <= frame.Width / 7, $"zoomed in only to {frame.Width / deepest.Width:F1}× after eight presses");
        await Expect(zoomIn).ToBeDisabledAsync();

        for (var i = 0; i < 12; i++)
        {
            await zoomOut.ClickAsync(new() { Force = true });
        }

        var widest = await ViewOf(page);
        var baseWidth = double.Parse((await page.Locator("figure.atlas-map").GetAttributeAsync("data-base-width"))!, CultureInfo.InvariantCulture);
        var baseHeight = double.Parse((await page.Locator("figure.atlas-map").GetAttributeAsync("data-base-height"))!, CultureInfo.InvariantCulture);
        Assert.True(widest.Width <= Math.Max(baseWidth, baseHeight * aspect) + 0.01, $"zoomed out to {widest}, past the base map {baseWidth}×{baseHeight}");
        Assert.True(widest.Width >= Math.Max(baseWidth, baseHeight * aspect) - 0.01, $"cannot zoom out to the whole base map: {widest}");
        await Expect(zoomOut).ToBeDisabledAsync();
    }

    [Fact]
    public async Task The_keyboard_zooms_with_plus_and_minus_and_moves_with_the_arrows()
    {
        var (context, page) = await pages.OpenOwnAsync("en", MapPages.Desktop);
        await using var _ = context;
        var svg = page.Locator(SvgSelector);
        await Expect(svg).ToHaveAttributeAsync("tabindex", "0");
        await Expect(svg).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex(".+"));
        await Expect(svg).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("arrow"));

        var first = await ViewOf(page);
        await svg.FocusAsync();
        await page.Keyboard.PressAsync("+");
        var zoomed = await ViewOf(page);
        Assert.True(zoomed.Width < first.Width * 0.8, "+ did not zoom in");

        await page.Keyboard.PressAsync("ArrowRight");
        var moved = await ViewOf(page);
        Assert.True(moved.X > zoomed.X && Math.Abs(moved.Width - zoomed.Width) < 0.01, $"→ moved the view from {zoomed} to {moved}");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True((await ViewOf(page)).Y > moved.Y, "↓ did not move the view down");

        await page.Keyboard.PressAsync("-");
        Assert.True((await ViewOf(page)).Width > zoomed.Width * 1.4, "− did not zoom out");
    }

    [Fact]
    public async Task The_wheel_zooms_around_the_cursor_and_a_drag_pans_without_following_a_link()
    {
        var (context, page) = await pages.OpenOwnAsync("zh", MapPages.Desktop);
        await using var _ = context;
        var svg = page.Locator(SvgSelector);
        await svg.ScrollIntoViewIfNeededAsync();
        var box = (await svg.BoundingBoxAsync())!;
        // Whole pixels: a mouse event reports whole CSS px.
        var (cx, cy) = (Math.Round(box.X + box.Width * 0.3), Math.Round(box.Y + box.Height * 0.4));
        const string ToMap = """
            ([x, y]) => {
              const svg = document.querySelector("figure.atlas-map > svg:not(.map-inset)");
              const p = svg.createSVGPoint(); p.x = x; p.y = y;
              const q = p.matrixTransform(svg.getScreenCTM().inverse());
              return [q.x, q.y];
            }
            """;
        var before = await page.EvaluateAsync<double[]>(ToMap, new[] { cx, cy });
        var first = await ViewOf(page);
        var scrolled = await page.EvaluateAsync<double>("() => window.scrollY");
        await page.Mouse.MoveAsync((float)cx, (float)cy);
        await page.Mouse.WheelAsync(0, -400);
        await page.WaitForFunctionAsync($"w => parseFloat(document.querySelector('{SvgSelector}').getAttribute('viewBox').split(' ')[2]) < w", first.Width * 0.9);
        var after = await page.EvaluateAsync<double[]>(ToMap, new[] { cx, cy });
        Assert.Equal(before[0], after[0], 1);
        Assert.Equal(before[1], after[1], 1);
        // Neither the wheel nor the browser's scroll anchoring (following a shape of the map) moved the page.
        Assert.Equal(scrolled, await page.EvaluateAsync<double>("() => window.scrollY"));

        // A drag that starts on a marker moves the map and stays on the page.
        var zoomed = await ViewOf(page);
        var url = page.Url;
        var start = await page.EvaluateAsync<double[]?>($$"""
            () => {
              const svg = document.querySelector("{{SvgSelector}}");
              const view = svg.getBoundingClientRect();
              for (const circle of svg.querySelectorAll("a circle")) {
                const r = circle.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
                if (x > view.left + 80 && x < view.right - 10 && y > view.top + 40 && y < view.bottom - 10 && document.elementFromPoint(x, y)?.closest("a") === circle.closest("a")) return [x, y];
              }
              return null;
            }
            """);
        Assert.NotNull(start);
        var (sx, sy) = (Math.Round(start[0]), Math.Round(start[1]));
        await page.Mouse.MoveAsync((float)sx, (float)sy);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)sx - 60, (float)sy - 30, new() { Steps = 6 });
        await page.Mouse.UpAsync();
        var panned = await ViewOf(page);
        var unitsPerPixel = zoomed.Width / box.Width;
        Assert.Equal(zoomed.X + 60 * unitsPerPixel, panned.X, 0);
        Assert.Equal(zoomed.Y + 30 * unitsPerPixel, panned.Y, 0);
        Assert.Equal(zoomed.Width, panned.Width, 3);
        Assert.Equal(url, page.Url);
    }

    [Fact]
    public async Task Two_pointers_pinching_apart_zoom_in()
    {
        var (context, page) = await pages.OpenOwnAsync("en", MapPages.Phone);
        await using var _ = context;
        var first = await ViewOf(page);
        // Two touch pointers as a phone reports them (Playwright has no multi-touch gesture): down, apart, up.
        await page.EvaluateAsync($$"""
            () => {
              const svg = document.querySelector("{{SvgSelector}}");
              const r = svg.getBoundingClientRect();
              const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
              const fire = (type, id, x) => svg.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: "touch", isPrimary: id === 1, clientX: x, clientY: cy, bubbles: true, cancelable: true }));
              fire("pointerdown", 1, cx - 20); fire("pointerdown", 2, cx + 20);
              for (let i = 1; i <= 5; i++) { fire("pointermove", 1, cx - 20 - 4 * i); fire("pointermove", 2, cx + 20 + 4 * i); }
              fire("pointerup", 1, cx - 40); fire("pointerup", 2, cx + 40);
            }
            """);
        var pinched = await ViewOf(page);
        // The fingers went from 40 to 80 px apart: twice as close (the phone opens zoomed in already; 3× would reach the limit).
        Assert.Equal(first.Width / 2, pinched.Width, 0);
        Assert.Equal(first.X + first.Width / 2, pinched.X + pinched.Width / 2, 0);
    }

    [Fact]
    public async Task Without_javascript_the_map_shows_its_frame_and_no_zoom_controls()
    {
        var options = AtlasSite.Desktop();
        options.JavaScriptEnabled = false;
        var (context, page) = await pages.Site.OpenAsync(options);
        await using var _ = context;
        await page.GotoAsync(pages.Site.Url("zh/map/"));
        await Expect(page.Locator("[data-map-zoom]")).ToBeHiddenAsync();
        await Expect(page.Locator(SvgSelector)).ToBeVisibleAsync();
        Assert.Null(await page.Locator(SvgSelector).GetAttributeAsync("tabindex"));
        Assert.NotNull(await page.Locator("figure.atlas-map").GetAttributeAsync("data-base-width"));
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Without_javascript_a_phone_shows_map_labels_at_11_px_or_more_and_scrolls_the_map_sideways(string language)
    {
        var options = MapPages.Options(MapPages.Phone);
        options.JavaScriptEnabled = false;
        var (context, page) = await pages.Site.OpenAsync(options);
        await using var _ = context;
        await page.GotoAsync(pages.Site.Url(language + "/map/"));
        var found = await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const figure = document.querySelector("figure.atlas-map");
              const svg = document.querySelector("{{SvgSelector}}");
              const sizes = [...svg.querySelectorAll("text.map-label")].map(t => {
                const m = t.getScreenCTM();
                return { name: t.getAttribute("data-for"), px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b) };
              });
              const caption = figure.querySelector("figcaption").getBoundingClientRect();
              return {
                count: sizes.length,
                small: sizes.filter(s => s.px < 11).map(s => `${s.name}: ${s.px.toFixed(1)} px`),
                scrolls: figure.scrollWidth > figure.clientWidth,
                pageWider: document.documentElement.scrollWidth > window.innerWidth,
                captionInView: caption.right <= window.innerWidth + 0.5,
              };
            }
            """);
        Assert.True(found.GetProperty("count").GetInt32() >= 5, "fewer than 5 map labels without javascript");
        var small = found.GetProperty("small").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(small.Count == 0, $"{small.Count} map labels render under 11 px at 375 px without javascript:\n" + string.Join("\n", small.Take(20)));
        Assert.True(found.GetProperty("scrolls").GetBoolean(), "the map is wider than the phone, so its figure scrolls sideways");
        Assert.False(found.GetProperty("pageWider").GetBoolean(), "the page itself does not scroll sideways");
        Assert.True(found.GetProperty("captionInView").GetBoolean(), "the caption stays within the phone's width");
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task A_phone_s_first_view_shows_city_names_whole_rather_than_cut_at_its_edge(string language)
    {
        // The densest spot lies beside Chongqing's main city, whose name ran off the edge (and Yibin's off the other):
        // the view moves to show one whole, so at most one always-labelled name is cut.
        var (context, page) = await pages.OpenOwnAsync(language, MapPages.Phone);
        await using var _ = context;
        var found = await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const svg = document.querySelector("{{SvgSelector}}");
              const r = svg.getBoundingClientRect();
              const whole = [], cut = [];
              for (const t of svg.querySelectorAll("text.map-label.major")) {
                const b = t.getBoundingClientRect();
                if (b.left >= r.left && b.right <= r.right && b.top >= r.top && b.bottom <= r.bottom) whole.push(t.textContent);
                else if (b.left < r.right && b.right > r.left && b.top < r.bottom && b.bottom > r.top) cut.push(t.textContent);
              }
              return { whole, cut };
            }
            """);
        var whole = found.GetProperty("whole").EnumerateArray().Select(e => e.GetString()).ToList();
        var cut = found.GetProperty("cut").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(whole.Count >= 2, $"the phone's first view shows {whole.Count} city names whole: {string.Join(", ", whole)}");
        Assert.True(cut.Count <= 1, $"the phone's first view cuts {cut.Count} city names at its edge: {string.Join(", ", cut)}");
    }
}
