using System.Text.Json;
using Atlas.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atlas.BrowserTests;

/// <summary>A phone 375 px wide: no page scrolls sideways, and the navigation can be seen and tapped.</summary>
[SweepsEveryPage]
public sealed class MobileTests(AtlasSite site) : IClassFixture<AtlasSite>
{
    /// <summary>A phone 375 CSS px wide; the sweep over every page renders at scale 1, which is faster.</summary>
    public static BrowserNewContextOptions Phone(float scale = 2) => new()
    {
        ViewportSize = new ViewportSize { Width = 375, Height = 740 },
        IsMobile = true,
        HasTouch = true,
        DeviceScaleFactor = scale,
    };

    /// <summary>
    /// Whether the page can scroll sideways, and if so the elements that stick out of the viewport (innermost first),
    /// leaving out those inside a box that scrolls or clips them. A function of the page's window (this page's when
    /// null), so the sweep can run it on a framed page.
    /// </summary>
    private const string OverflowScript = """
        win => {
          win ??= window;
          const document = win.document;
          const width = document.documentElement.clientWidth;
          win.scrollTo(10000, win.scrollY);
          const scrolled = win.scrollX;
          win.scrollTo(0, win.scrollY);
          if (document.documentElement.scrollWidth <= width && scrolled === 0) return null;
          const clipped = el => {
            for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
              const s = win.getComputedStyle(p);
              if (s.overflowX !== "visible") return true;
            }
            return false;
          };
          const describe = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
            (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
          const out = [];
          for (const el of document.body.querySelectorAll("*")) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5) && !clipped(el) && !el.classList.contains("skip-link")) {
              out.push(describe(el) + " [" + Math.round(r.left) + ", " + Math.round(r.right) + "]");
            }
          }
          return { scrollWidth: document.documentElement.scrollWidth, width, scrolled, elements: out.reverse().slice(0, 6) };
        }
        """;

    [Fact]
    public async Task No_page_scrolls_sideways_at_375_px()
    {
        // Each page is framed at the phone's size, scripts on, in the phone's context (see PageSweep).
        var (context, host) = await site.OpenAsync(Phone(scale: 1));
        await using var _ = context;

        var pages = site.AllPages();
        var failures = new List<string>();
        foreach (var result in await PageSweep.RunAsync(host, site, pages, new SweepFrame(375, 740, Scripts: true), OverflowScript))
        {
            if (result.Error is not null)
            {
                failures.Add($"/{result.Path}: {result.Error}");
            }
            else if (result.Found is { ValueKind: JsonValueKind.Object } o)
            {
                failures.Add($"/{result.Path}: {o.GetProperty("scrollWidth")} px wide in {o.GetProperty("width")} px: " +
                             string.Join(", ", o.GetProperty("elements").EnumerateArray().Select(e => e.GetString())));
            }
        }

        Assert.True(pages.Count > 1000, $"only {pages.Count} pages were built");
        Assert.True(failures.Count == 0, $"{failures.Count} of {pages.Count} pages scroll sideways at 375 px:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task The_sideways_scroll_check_catches_an_element_wider_than_the_phone()
    {
        var (context, page) = await site.OpenAsync(Phone(scale: 1));
        await using var _ = context;
        await page.GotoAsync(site.Url("zh/"));
        Assert.Equal(JsonValueKind.Null, (await page.EvaluateAsync<JsonElement?>(OverflowScript))?.ValueKind ?? JsonValueKind.Null);

        await page.EvaluateAsync("() => { const wide = document.createElement('div'); wide.className = 'too-wide'; wide.style.width = '500px'; wide.textContent = 'x'; document.querySelector('main').append(wide); }");
        var overflow = await page.EvaluateAsync<JsonElement?>(OverflowScript);
        Assert.True(overflow is { ValueKind: JsonValueKind.Object }, "the check missed a 500 px wide element");
        Assert.Contains(overflow.Value.GetProperty("elements").EnumerateArray(), e => e.GetString()!.StartsWith("div.too-wide", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zh/", "关于本图集", "zh/about/", "English", "en/")]
    [InlineData("en/parks/gaozhu-new-area/", "About the atlas", "en/about/", "中文", "zh/parks/gaozhu-new-area/")]
    public async Task On_a_phone_every_navigation_link_is_on_screen_and_tappable(string path, string last, string lastTarget, string other, string otherTarget)
    {
        var (context, page) = await site.OpenAsync(Phone());
        await using var _ = context;
        await page.GotoAsync(site.Url(path));
        // The sections fold behind the Menu button and their groups on a phone: open them all first.
        await page.Locator(".menu-button").TapAsync();
        var groups = page.Locator(".site-nav .menu-group > details > summary");
        for (var i = 0; i < await groups.CountAsync(); i++)
        {
            await groups.Nth(i).TapAsync();
        }

        var links = page.Locator(".site-nav a, .language-switcher a, .site-header .brand");
        var count = await links.CountAsync();
        Assert.True(count >= 14, $"only {count} navigation links");
        for (var i = 0; i < count; i++)
        {
            var link = links.Nth(i);
            await Expect(link).ToBeVisibleAsync();
            await link.ScrollIntoViewIfNeededAsync();
            var box = await link.BoundingBoxAsync();
            Assert.NotNull(box);
            var name = await link.InnerTextAsync();
            Assert.True(box.X >= 0 && box.X + box.Width <= 375.5, $"'{name}' is off screen: x {box.X}, {box.Width} wide");
            Assert.True(box.Width >= 24 && box.Height >= 24, $"'{name}' is too small to tap: {box.Width}×{box.Height} px (WCAG 2.5.8 asks 24×24)");
        }

        await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = last, Exact = true }).TapAsync();
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url(lastTarget)));
        await page.GoBackAsync();
        await page.Locator(".language-switcher").GetByRole(AriaRole.Link, new() { Name = other, Exact = true }).TapAsync();
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url(otherTarget)));
    }
}
