namespace Atlas.Tests.Support;

/// <summary>
/// The smallest complete site: two languages, two collections (parks referencing cities), tiny templates and
/// bundles. Tests override single files to provoke one problem at a time.
/// </summary>
public static class MinimalSite
{
    public const string Files = """
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
      sources: {type: references, to: cities}
  cities:
    title: {zh: 城市, en: Cities}
    fields:
      coordinates: {type: coordinates, required: true}
      twin: {type: reference, to: cities}
-- templates/layouts/base.html --
<!doctype html>
<html lang="{{ page.locale }}">
<head><meta charset="utf-8"><title>{{ page.title }}</title>
{{ for a in page.alternates }}<link rel="alternate" hreflang="{{ a.hreflang }}" href="{{ a.href }}">
{{ end }}<link rel="stylesheet" href="{{ asset "style.css" }}"></head>
<body><nav class="switcher">{{ for tr in page.translations }}{{ if !tr.current }}<a class="switch" hreflang="{{ tr.locale }}" href="{{ url tr.path }}">{{ tr.name }}</a>{{ end }}{{ end }}</nav>
{{ content }}
</body></html>
-- templates/root.html --
<!doctype html><html lang="zh-CN"><head><title>{{ site.title }}</title></head><body><h1>{{ site.title }}</h1>{{ for l in site.languages }}<a href="{{ url l.path }}">{{ l.name }}</a>{{ end }}</body></html>
-- templates/home.html --
<h1>{{ site.title }}</h1><p>{{ t "home.hello" }}</p>{{ for c in site.collections }}<a href="{{ url c.path }}">{{ c.title }}</a>{{ end }}
-- templates/collection.html --
<h1>{{ collection.title }}</h1><ul>{{ for e in collection.entities }}<li><a href="{{ url e.path }}">{{ e.name }}</a></li>{{ end }}</ul>
-- templates/entity.html --
<h1>{{ entity.name }}</h1><p class="summary">{{ entity.summary }}</p>
<dl>{{ for f in entity.fields }}<dt>{{ f.label }}</dt><dd>{{ f.text }}</dd>{{ end }}</dl>
<div class="body">{{ entity.body }}</div>
{{ for g in entity.references }}<ul class="refs-{{ g.field }}">{{ for i in g.items }}<li><a href="{{ url i.path }}">{{ i.name }}</a></li>{{ end }}</ul>{{ end }}
{{ for g in entity.referenced_by }}<ul class="backlinks-{{ g.collection }}">{{ for i in g.items }}<li><a href="{{ url i.path }}">{{ i.name }}</a></li>{{ end }}</ul>{{ end }}
-- templates/assets/style.css --
body { margin: 0; }
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
field: {name: 名称, summary: 概要, kind: 类型, cities: 城市, established: 设立, area: 面积, sources: 来源, coordinates: 坐标, twin: 友好城市}
enum:
  kind: {park: 园区, zone: 功能区}
unit:
  元: "{n}{m}元"
  辆: "{n}{m}辆"
  "%": "{n}%"
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
field: {name: Name, summary: Summary, kind: Type, cities: Cities, established: Established, area: Area, sources: Sources, coordinates: Coordinates, twin: Twin city}
enum:
  kind: {park: Park, zone: Zone}
unit:
  元: "{n} yuan"
  辆: "{n} vehicles"
  "%": "{n}%"
-- content/cities/chengdu.yml --
name: {zh: 成都, en: Chengdu}
summary: {zh: 四川省会, en: Capital of Sichuan}
coordinates: [104.07, 30.57]
-- content/cities/chengdu.zh.md --
成都正文。
-- content/cities/chengdu.en.md --
Chengdu body.
-- content/cities/chongqing.yml --
name: {zh: 重庆, en: Chongqing}
summary: {zh: 直辖市, en: A municipality}
coordinates: [106.55, 29.56]
twin: chengdu
-- content/cities/chongqing.zh.md --
重庆正文。
-- content/cities/chongqing.en.md --
Chongqing body.
-- content/parks/gaozhu.yml --
name: {zh: 川渝高竹新区, en: Gaozhu New Area}
summary: {zh: 跨省新区, en: A cross-provincial new area}
kind: zone
cities: [chongqing]
established: 2020-12
-- content/parks/gaozhu.zh.md --
---
summary: 川渝唯一跨省域共建新区
---
## 高竹新区概况

高竹新区正文，见[成都](ref:cities/chengdu)。
-- content/parks/gaozhu.en.md --
## Overview

Gaozhu body.
""";
}
