using System.Text.RegularExpressions;
using Atlas.Tests.Support;

namespace Atlas.Tests.Config;

/// <summary>A collection's <c>sort:</c> in site.yml: its validation, and the order its lists come out in per language.</summary>
public sealed partial class CollectionSortTests
{
    /// <summary>The minimal site with <paramref name="sort"/> as the parks' sort setting (line 15 of site.yml).</summary>
    private static TestSite SiteSortingParks(string sort, params string[] more)
    {
        var site = TestSite.Minimal(more);
        var yml = File.ReadAllText(Path.Combine(site.Directory, "site.yml"));
        site.Write("site.yml", yml.Replace("    title: {zh: 园区, en: Parks}\n", $"    title: {{zh: 园区, en: Parks}}\n{sort}\n", StringComparison.Ordinal));
        return site;
    }

    [Theory]
    [InlineData("    sort: {by: kind}", "sorts by 'kind', of type enum; sort by a field of type date, year, number")]
    [InlineData("    sort: {by: opened}", "sorts by 'opened', which is not one of its fields")]
    [InlineData("    sort: {by: [established, area]}", "mixes number fields with dates or years")]
    [InlineData("    sort: {by: established, order: sideways}", "sort order must be 'ascending' or 'descending', not 'sideways'")]
    [InlineData("    sort: {by: established, missing: middle}", "sort missing must be 'first' or 'last'")]
    [InlineData("    sort: {field: established}", "unknown key 'field'")]
    [InlineData("    sort: established", "sort must be a map")]
    public void A_bad_sort_is_a_located_error(string sort, string message)
    {
        using var site = SiteSortingParks(sort);
        DiagnosticAssert.HasError(site.Build(), "site.yml", 15, message);
    }

    private const string ThreeMoreParks = """
-- content/parks/anju.yml --
name: {zh: 安居园区, en: Tranquil Park}
summary: {zh: 园区, en: A park}
established: 2021
-- content/parks/anju.zh.md --
正文。
-- content/parks/anju.en.md --
Body.
-- content/parks/zhongxin.yml --
name: {zh: 中新园区, en: Sino-Singapore Park}
summary: {zh: 园区, en: A park}
-- content/parks/zhongxin.zh.md --
正文。
-- content/parks/zhongxin.en.md --
Body.
-- content/parks/chongqing-port.yml --
name: {zh: 重庆港, en: Port of Chongqing}
summary: {zh: 港口, en: A port}
-- content/parks/chongqing-port.zh.md --
正文。
-- content/parks/chongqing-port.en.md --
Body.
""";

    private static List<string> Listed(TestSite site, string language) =>
        [.. ListedName().Matches(site.Read($"{language}/parks/index.html")).Select(m => m.Groups[1].Value)];

    [Fact]
    public void Without_sort_a_list_is_by_name_in_each_language()
    {
        using var site = TestSite.Minimal(ThreeMoreParks);
        site.BuildOk();
        // 安居 ān, 川渝 chuān, 重庆 chóng (not zhòng), 中新 zhōng: by pinyin; the English names alphabetically.
        Assert.Equal(["安居园区", "重庆港", "川渝高竹新区", "中新园区"], Listed(site, "zh"));
        Assert.Equal(["Gaozhu New Area", "Port of Chongqing", "Sino-Singapore Park", "Tranquil Park"], Listed(site, "en"));
    }

    [Fact]
    public void Sorted_by_dates_entities_without_one_go_last_and_tie_by_name()
    {
        using var site = SiteSortingParks("    sort: {by: established, order: descending}", ThreeMoreParks);
        site.BuildOk();
        // Gaozhu 2020-12, Anju 2021: newest first; the two without a date after them, by name.
        Assert.Equal(["安居园区", "川渝高竹新区", "重庆港", "中新园区"], Listed(site, "zh"));
        Assert.Equal(["Tranquil Park", "Gaozhu New Area", "Port of Chongqing", "Sino-Singapore Park"], Listed(site, "en"));
    }

    [Fact]
    public void Missing_first_puts_entities_without_a_value_before_the_others()
    {
        using var site = SiteSortingParks("    sort: {by: [established], missing: first}", ThreeMoreParks);
        site.BuildOk();
        Assert.Equal(["Port of Chongqing", "Sino-Singapore Park", "Gaozhu New Area", "Tranquil Park"], Listed(site, "en"));
    }

    [GeneratedRegex("<li><a href=\"[^\"]*\">([^<]*)</a></li>")]
    private static partial Regex ListedName();
}
