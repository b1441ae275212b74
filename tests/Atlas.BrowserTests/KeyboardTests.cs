using System.Text.Json;
using Atlas.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atlas.BrowserTests;

/// <summary>Keyboard use: a skip link, a visible focus on everything focusable, the language switcher and the map.</summary>
public sealed class KeyboardTests(AtlasSite site) : IClassFixture<AtlasSite>
{
    /// <summary>
    /// The focus indicator of the focused element: its outline (style, width, colour and the colour's contrast with
    /// the white page), or for a map feature the stroke of its shape.
    /// </summary>
    private const string FocusScript = """
        () => {
          const el = document.activeElement;
          const rgb = c => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
          const lum = c => {
            const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
          const s = getComputedStyle(el);
          const shape = el.closest("svg") ? el.querySelector("circle, rect, path") : null;
          const r = el.getBoundingClientRect();
          return {
            tag: el.tagName.toLowerCase(), text: (el.textContent || "").trim().slice(0, 30), href: el.getAttribute("href"),
            cls: typeof el.className === "string" ? el.className : "",
            inMap: !!el.closest(".atlas-map svg a"), inSwitcher: !!el.closest(".language-switcher"),
            outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
            outlineContrast: contrast(s.outlineColor, "rgb(255, 255, 255)"),
            stroke: shape ? getComputedStyle(shape).stroke : null,
            strokeWidth: shape ? parseFloat(getComputedStyle(shape).strokeWidth) : 0,
            strokeContrast: shape ? contrast(getComputedStyle(shape).stroke, "rgb(255, 255, 255)") : 0,
            onScreen: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight,
          };
        }
        """;

    private static async Task<Focus> FocusedAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>(FocusScript)).Deserialize<Focus>(new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    private sealed record Focus(string Tag, string Text, string? Href, string Cls, bool InMap, bool InSwitcher, bool Outline,
        double OutlineContrast, string? Stroke, double StrokeWidth, double StrokeContrast, bool OnScreen)
    {
        /// <summary>Visible: an outline of at least 2 px with 3:1 contrast (WCAG 1.4.11), or for a map feature a 3 px stroke.</summary>
        public bool Visible => (Outline && OutlineContrast >= 3) || (InMap && StrokeWidth >= 3 && StrokeContrast >= 3);

        public override string ToString() =>
            $"<{Tag} class='{Cls}' href='{Href}'>{Text}</{Tag}> outline {Outline} ({OutlineContrast:0.0}:1), stroke {Stroke} {StrokeWidth} ({StrokeContrast:0.0}:1), on screen {OnScreen}";
    }

    [Theory]
    [InlineData("zh/parks/gaozhu-new-area/")]
    [InlineData("en/timeline/")]
    public async Task The_first_Tab_shows_a_skip_link_that_moves_to_the_content(string path)
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;
        await page.GotoAsync(site.Url(path));

        await page.Keyboard.PressAsync("Tab");
        var focus = await FocusedAsync(page);
        Assert.True(focus.Cls.Contains("skip-link") && focus.Href == "#main", $"the first Tab reaches {focus}");
        Assert.True(focus.OnScreen, $"the skip link is focused but not on screen: {focus}");
        Assert.True(focus.Visible, $"the skip link's focus is not visible: {focus}");

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();

        // The next Tab continues inside the content, not back in the header.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('main')"), "Tab after the skip link left the content");
    }

    [Theory]
    [InlineData("zh/")]
    [InlineData("en/parks/")]
    [InlineData("en/parks/gaozhu-new-area/")]
    [InlineData("zh/search/")]
    public async Task Every_element_reached_by_Tab_shows_a_visible_focus(string path)
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;
        await page.GotoAsync(site.Url(path));

        var invisible = new List<string>();
        var seen = 0;
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("() => document.activeElement === document.body"))
            {
                break;
            }

            seen++;
            var focus = await FocusedAsync(page);
            if (!focus.Visible)
            {
                invisible.Add(focus.ToString());
            }
        }

        Assert.True(seen >= 15, $"only {seen} elements take the focus on /{path}");
        Assert.True(invisible.Count == 0, $"no visible focus on /{path} for:\n" + string.Join("\n", invisible));
    }

    [Theory]
    [InlineData("zh/parks/gaozhu-new-area/", "en/parks/gaozhu-new-area/")]
    [InlineData("en/map/", "zh/map/")]
    public async Task The_language_switcher_is_reached_by_Tab_and_opens_the_other_language(string path, string other)
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;
        await page.GotoAsync(site.Url(path));

        Focus? focus = null;
        for (var i = 0; i < 10 && focus is not { InSwitcher: true }; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focus = await FocusedAsync(page);
        }

        Assert.True(focus is { InSwitcher: true }, $"ten Tabs did not reach the language switcher; the last focus: {focus}");
        Assert.True(focus.Visible, $"the language switcher's focus is not visible: {focus}");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url(other)));
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task The_map_features_are_reached_by_Tab_with_a_visible_focus_and_open_with_Enter(string language)
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;
        await page.GotoAsync(site.Url(language + "/map/"));

        Focus? focus = null;
        for (var i = 0; i < 80 && focus is not { InMap: true }; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focus = await FocusedAsync(page);
        }

        Assert.True(focus is { InMap: true }, $"80 Tabs did not reach a feature of the map; the last focus: {focus}");

        // Several features in a row, each visibly focused, each a link to an entity of the same language.
        var features = new List<Focus>();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(focus.InMap && focus.Href is not null, $"Tab left the map after {i} features: {focus}");
            Assert.True(focus.Visible, $"a map feature's focus is not visible: {focus}");
            features.Add(focus);
            if (i < 4)
            {
                await page.Keyboard.PressAsync("Tab");
                focus = await FocusedAsync(page);
            }
        }

        Assert.Equal(5, features.Select(f => f.Href).Distinct().Count());
        var target = new Uri(new Uri(site.Url(language + "/map/")), features[^1].Href!).AbsoluteUri;
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(target));
        Assert.StartsWith(site.Url(language + "/"), target);
    }
}
