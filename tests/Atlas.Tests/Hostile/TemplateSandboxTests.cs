using Atlas.Building;
using Atlas.Rendering;
using Atlas.Tests.Support;

namespace Atlas.Tests.Hostile;

/// <summary>
/// Templates see only the plain values the engine hands them: they cannot evaluate strings as code, read files
/// outside templates/, or reach .NET members. Each attempt is a located template error, never a crash or a leak.
/// </summary>
public sealed class TemplateSandboxTests
{
    private const string Home = "<h1>{{ site.title }}</h1><p>{{ t \"home.hello\" }}</p>\n";

    [Theory]
    [InlineData("{{ object.eval \"1 + 1\" }}", "Cannot get member with name eval")]
    [InlineData("{{ object.eval_template \"{{ site }}\" }}", "Cannot get member with name eval_template")]
    [InlineData("{{ include \"/etc/passwd\" }}", "is not a template name")]
    [InlineData("{{ include \"../../../../../etc/passwd\" }}", "is not a template name")]
    [InlineData("{{ include \"partials/../../site.yml\" }}", "is not a template name")]
    [InlineData("{{ include \"assets/style.css\" }}", "is not a template name")]
    [InlineData("{{ include_join [\"/etc/passwd\"] \"\" \"\" }}", "The variable or function `include_join` was not found")]
    [InlineData("{{ date.now }}", "The variable or function `date` was not found")]
    [InlineData("{{ site.title.GetType }}", "Cannot get member with name GetType")]
    [InlineData("{{ site.GetType }}", "Cannot get member with name GetType")]
    [InlineData("{{ site.languages.GetType }}", "Cannot get member with name GetType")]
    [InlineData("{{ (site.languages[0]).GetType }}", "Cannot get member with name GetType")]
    [InlineData("{{ import \"System.IO.File\" }}", "Expecting an plain script object")]
    public void A_template_cannot_leave_its_sandbox(string probe, string message)
    {
        using var site = TestSite.Minimal($"-- templates/home.html --\n{Home}{probe}\n");
        var result = site.Build();
        var error = DiagnosticAssert.HasError(result, "templates/home.html", 2, message);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal); // nothing of /etc/passwd
    }

    [Fact]
    public void The_safe_html_of_a_body_exposes_nothing_but_its_text()
    {
        // entity.body is the one engine object a template holds; its only member is the HTML it vouches for.
        using var site = TestSite.Minimal("-- templates/entity.html --\n<h1>{{ entity.name }}</h1>{{ entity.body.EqualityContract }}\n");
        var result = site.Build();
        DiagnosticAssert.HasError(result, "templates/entity.html", 1, "EqualityContract");
    }

    [Fact]
    public void A_partial_that_includes_itself_stops_at_the_call_depth_limit_with_a_located_error()
    {
        using var site = TestSite.Minimal(
            "-- templates/partials/loop.html --\n<i>{{ include \"partials/loop.html\" }}</i>\n",
            "-- templates/entity.html --\n<h1>{{ entity.name }}</h1>{{ include \"partials/loop.html\" }}\n");
        var result = site.Build();
        DiagnosticAssert.HasError(result, "templates/partials/loop.html", 1, "recursive depth limit");
    }

    [Theory]
    [InlineData("{{ func f(n); if n > 0; f(n-1); f(n-1); end; end; f(60) }}", "steps")]
    [InlineData("{{ s = \"x\"; for i in 1..60; s = s + s; end; s }}", "grew past")]
    public void A_runaway_layout_stops_the_build_at_the_first_page_that_reaches_a_limit(string runaway, string message)
    {
        // The layout wraps every page, so each one would run to the limit; the first that reaches it ends the render.
        using var site = TestSite.Minimal($"-- templates/layouts/base.html --\n<!doctype html><html><head><title>{{{{ page.title }}}}</title></head><body>{runaway}{{{{ content }}}}</body></html>\n");
        var result = SiteBuilder.Build(new BuildOptions(site.Directory)
        {
            HomeDirectory = "/nonexistent-home-for-tests",
            RenderLimits = RenderLimits.Default with { Steps = 200_000, StringCharacters = 100_000 },
        });

        var error = DiagnosticAssert.HasError(result, "templates/layouts/base.html", 1, message);
        Assert.Contains("the other pages were not rendered", error.Message, StringComparison.Ordinal);
        Assert.Single(result.Diagnostics, d => d.IsError);
    }
}
