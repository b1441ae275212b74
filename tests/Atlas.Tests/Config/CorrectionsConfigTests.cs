using Atlas.Tests.Support;

namespace Atlas.Tests.Config;

/// <summary>site.yml <c>corrections:</c>, the corrections log the about page shows: each entry a day and a text per language.</summary>
public sealed class CorrectionsConfigTests
{
    private static TestSite WithCorrections(string corrections)
    {
        var site = TestSite.Minimal();
        var path = Path.Combine(site.Directory, "site.yml");
        site.Write("site.yml", File.ReadAllText(path).TrimEnd() + "\n" + corrections);
        return site;
    }

    private static int LineOf(TestSite site, string text) =>
        File.ReadAllLines(Path.Combine(site.Directory, "site.yml")).ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Fact]
    public void A_correction_is_dated_to_the_day()
    {
        using var site = WithCorrections("""
corrections:
  - date: 2026-12
    what: {zh: 改正了一处日期。, en: A date corrected.}
""");
        DiagnosticAssert.HasError(site.Build(), "site.yml", LineOf(site, "date: 2026-12"), "a correction's date must be the day it was made, as YYYY-MM-DD, not '2026-12'");
    }

    [Fact]
    public void A_correction_says_what_was_corrected_in_every_language()
    {
        using var site = WithCorrections("""
corrections:
  - date: 2026-12-07
    what: {zh: 改正了一处日期。, fr: Une date corrigée.}
""");
        DiagnosticAssert.HasError(site.Build(), "site.yml", LineOf(site, "what:"), "'fr' in 'correction.what' is not a declared language");
    }

    [Fact]
    public void Corrections_must_be_a_list_of_entries()
    {
        using var site = WithCorrections("""
corrections: {date: 2026-12-07}
""");
        DiagnosticAssert.HasError(site.Build(), "site.yml", LineOf(site, "corrections:"), "corrections must be a list");
    }

    [Fact]
    public void A_valid_log_builds()
    {
        using var site = WithCorrections("""
corrections:
  - date: 2026-12-07
    what: {zh: 改正了一处日期。, en: A date corrected.}
""");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }
}
