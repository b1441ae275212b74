using Atlas.Tests.Support;

namespace Atlas.Tests.Charts;

/// <summary>site.yml's charts: which fields name a figure's series, subject and sources.</summary>
public sealed class ChartConfigTests
{
    private static string SiteYml(string charts) => $$"""
-- site.yml --
title: {zh: 测试, en: Test}
base_url: https://example.org/
default_language: zh
languages:
  - {code: zh, locale: zh-CN, name: 中文}
  - {code: en, locale: en, name: English}
collections:
  cities:
    title: {zh: 城市, en: Cities}
    fields:
      coordinates: {type: coordinates}
  figures:
    title: {zh: 数据, en: Figures}
    fields:
      value: {type: number}
      measure: {type: text}
      subject: {type: reference, to: cities}
      note: {type: text}
{{charts}}
""";

    [Fact]
    public void A_chart_subject_must_be_a_reference_field_of_the_charted_collection()
    {
        using var site = TestSite.Minimal(SiteYml("""
charts:
  series: measure
  subject: note
"""));
        DiagnosticAssert.HasError(site.Build(), "site.yml", 21, "charts.subject names 'note', but no collection with the series field 'measure' has a reference field of that name");
    }

    [Fact]
    public void Chart_sources_must_be_a_reference_field_too()
    {
        using var site = TestSite.Minimal(SiteYml("""
charts:
  series: measure
  sources: origin
"""));
        DiagnosticAssert.HasError(site.Build(), "site.yml", 21, "charts.sources names 'origin'");
    }

    [Fact]
    public void A_chart_subject_that_is_a_reference_field_is_accepted()
    {
        using var site = TestSite.Minimal(SiteYml("""
charts:
  series: measure
  subject: subject
"""));
        Assert.DoesNotContain(site.Build().Diagnostics, d => d.Message.Contains("charts.", StringComparison.Ordinal));
    }
}
