using Atlas.Tests.Support;

namespace Atlas.Tests.Rendering;

/// <summary>
/// Issue 20: a citation's label is generated from the source's data ([](ref:sources/slug)), gaps are listed from the
/// front matter, and the background block is a labelled aside; a change to a source's short label reaches every
/// page that cites it, in the preview as in a full build.
/// </summary>
public sealed class CitationLabelTests
{
    private const string Files = """
-- site.yml --
title: {zh: 测试图集, en: Test Atlas}
description: {zh: 测试用, en: For tests}
base_url: https://example.org/atlas/
default_language: zh
languages:
  - code: zh
    locale: zh-CN
    name: 中文
  - code: en
    locale: en
    name: English
collections:
  parks:
    title: {zh: 园区, en: Parks}
    fields:
      kind: {type: enum, values: [park, zone]}
      cities: {type: references, to: cities}
      established: {type: date}
      area: {type: number}
      sources: {type: references, to: sources}
  cities:
    title: {zh: 城市, en: Cities}
    fields:
      coordinates: {type: coordinates, required: true}
      twin: {type: reference, to: cities}
  sources:
    title: {zh: 资料来源, en: Sources}
    fields:
      short: {type: localized, required: true}
      date: {type: date, required: true}
-- templates/i18n/zh.yml --
home: {hello: 你好}
format:
  date: {day: "{year}年{month}月{day}日", month: "{year}年{month}月", year: "{year}年"}
  number: {group: ",", decimal: "."}
  magnitudes: chinese
  approximately: "约{0}"
magnitude: {thousand: 千, million: 百万, billion: 十亿, trillion: 万亿}
month: {1: 1月, 2: 2月, 3: 3月, 4: 4月, 5: 5月, 6: 6月, 7: 7月, 8: 8月, 9: 9月, 10: 10月, 11: 11月, 12: 12月}
list: {separator: 、}
field: {name: 名称, summary: 概要, kind: 类型, cities: 城市, established: 设立, area: 面积, sources: 来源, coordinates: 坐标, twin: 友好城市, short: S, date: D}
enum:
  kind: {park: 园区, zone: 功能区}
unit:
  元: "{n}{m}元"
  辆: "{n}{m}辆"
  "%": "{n}%"
citation: {before_date: "，"}
background: {label: "一般背景（非引用报道内容）"}
gaps: {heading: G}
-- templates/i18n/en.yml --
home: {hello: Hello}
format:
  date: {day: "{day} {month_name} {year}", month: "{month_name} {year}", year: "{year}"}
  number: {group: ",", decimal: "."}
  magnitudes: western
  approximately: "about {0}"
magnitude: {thousand: thousand, million: million, billion: billion, trillion: trillion}
month: {1: January, 2: February, 3: March, 4: April, 5: May, 6: June, 7: July, 8: August, 9: September, 10: October, 11: November, 12: December}
list: {separator: ", "}
field: {name: Name, summary: Summary, kind: Type, cities: Cities, established: Established, area: Area, sources: Sources, coordinates: Coordinates, twin: Twin city, short: S, date: D}
enum:
  kind: {park: Park, zone: Zone}
unit:
  元: "{n} yuan"
  辆: "{n} vehicles"
  "%": "{n}%"
citation: {before_date: ", "}
background: {label: "General background (not from the cited reports)"}
gaps: {heading: G}
-- templates/entity.html --
<h1>{{ entity.name }}</h1><p class="summary">{{ entity.summary }}</p>
<dl>{{ for f in entity.fields }}<dt>{{ f.label }}</dt><dd>{{ f.text }}</dd>{{ end }}</dl>
<div class="body">{{ entity.body }}</div>
<ul class="gaps">{{ for g in entity.gaps }}<li>{{ g }}</li>{{ end }}</ul>
{{ for g in entity.references }}<ul class="refs-{{ g.field }}">{{ for i in g.items }}<li><a href="{{ url i.path }}">{{ i.name }}</a></li>{{ end }}</ul>{{ end }}
{{ for g in entity.referenced_by }}<ul class="backlinks-{{ g.collection }}">{{ for i in g.items }}<li><a href="{{ url i.path }}">{{ i.name }}</a></li>{{ end }}</ul>{{ end }}
-- content/sources/daily.yml --
name: {zh: 报道, en: The report}
summary: {zh: 一篇报道, en: A report}
short: {zh: 重庆日报, en: Chongqing Daily}
date: 2021-12-15
-- content/sources/daily.zh.md --
报道正文。
-- content/sources/daily.en.md --
Report body.
-- content/sources/monthly.yml --
name: {zh: 月报, en: The monthly}
summary: {zh: 一篇月报, en: A monthly}
short: {zh: 重庆日报, en: Chongqing Daily}
date: 2020-12
-- content/sources/monthly.zh.md --
月报正文。
-- content/sources/monthly.en.md --
Monthly body.
-- content/parks/gaozhu.zh.md --
---
summary: 川渝唯一跨省域共建新区
gaps:
  - 报道未给出新区的面积。
---
高竹新区正文（[](ref:sources/daily)；[](ref:sources/monthly)）。

::: background
高竹新区地处川渝交界。
:::
-- content/parks/gaozhu.en.md --
---
gaps:
  - The reports do not give the area.
---
Gaozhu body ([](ref:sources/daily); [](ref:sources/monthly)).
""";

    [Fact]
    public void A_citation_shows_the_label_made_from_the_sources_data_in_the_pages_language()
    {
        using var site = new TestSite(MinimalSite.Files, Files);
        site.BuildOk();
        var zh = site.Read("zh/parks/gaozhu/index.html");
        var en = site.Read("en/parks/gaozhu/index.html");
        Assert.Contains(">重庆日报，2021年12月15日</a>", zh);
        Assert.Contains(">重庆日报，2020年12月</a>", zh);
        Assert.Contains(">Chongqing Daily, 15 December 2021</a>", en);
        Assert.Contains(">Chongqing Daily, December 2020</a>", en);
    }

    [Fact]
    public void Gaps_are_listed_and_the_background_block_is_a_labelled_aside()
    {
        using var site = new TestSite(MinimalSite.Files, Files);
        site.BuildOk();
        var zh = site.Read("zh/parks/gaozhu/index.html");
        Assert.Contains("<ul class=\"gaps\"><li>报道未给出新区的面积。</li></ul>", zh);
        Assert.Contains("<aside class=\"background\" aria-label=\"一般背景（非引用报道内容）\"><p class=\"background-label\">一般背景（非引用报道内容）</p>", zh);
        Assert.Contains("<p>高竹新区地处川渝交界。</p>", zh);
        Assert.Contains("The reports do not give the area.", site.Read("en/parks/gaozhu/index.html"));
        Assert.DoesNotContain("<aside", site.Read("en/parks/gaozhu/index.html"));
    }

    [Fact]
    public void A_new_short_label_reaches_every_citing_page_in_the_preview()
    {
        using var site = new TestSite(MinimalSite.Files, Files);
        var preview = new PreviewBuilds(site);
        Assert.True(preview.Rebuild().Report.Succeeded);
        site.Write("content/sources/daily.yml", "name: {zh: 报道, en: The report}\nsummary: {zh: 一篇报道, en: A report}\nshort: {zh: 新重庆, en: New Chongqing}\ndate: 2021-12-15\n");
        Assert.True(preview.Rebuild("content/sources/daily.yml").Report.Succeeded);
        Assert.Contains(">New Chongqing, 15 December 2021</a>", File.ReadAllText(Path.Combine(preview.Output, "en/parks/gaozhu/index.html")));
        preview.AssertSameAsFullBuild();
    }
}
