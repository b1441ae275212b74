using System.Collections.Immutable;
using Atlas.Localization;
using Atlas.Model;

namespace Atlas.Tests.Localization;

public sealed class FormatterTests
{
    private static Formatter Zh => new(Bundle("zh", new()
    {
        ["format.date.day"] = "{year}年{month}月{day}日", ["format.date.month"] = "{year}年{month}月", ["format.date.year"] = "{year}年",
        ["format.number.group"] = ",", ["format.number.decimal"] = ".", ["format.magnitudes"] = "chinese", ["format.approximately"] = "约{0}",
        ["unit.元"] = "{n}{m}元", ["unit.辆"] = "{n}{m}辆", ["unit.%"] = "{n}%",
    }));

    private static Formatter En => new(Bundle("en", new()
    {
        ["format.date.day"] = "{day} {month_name} {year}", ["format.date.month"] = "{month_name} {year}", ["format.date.year"] = "{year}",
        ["format.number.group"] = ",", ["format.number.decimal"] = ".", ["format.magnitudes"] = "western", ["format.approximately"] = "about {0}",
        ["magnitude.million"] = "million", ["magnitude.billion"] = "billion", ["magnitude.trillion"] = "trillion",
        ["month.3"] = "March", ["month.12"] = "December",
        ["unit.元"] = "{n} yuan", ["unit.辆"] = "{n} vehicles", ["unit.%"] = "{n}%",
    }));

    private static I18nBundle Bundle(string language, Dictionary<string, string> strings) =>
        new(language, $"templates/i18n/{language}.yml", strings.ToImmutableSortedDictionary(StringComparer.Ordinal),
            ImmutableDictionary<string, Atlas.Diagnostics.SourceLocation>.Empty);

    [Theory]
    [InlineData("2021-12-14", "2021年12月14日", "14 December 2021")]
    [InlineData("2021-03", "2021年3月", "March 2021")]
    [InlineData("2023", "2023年", "2023")]
    public void Dates_follow_each_language_at_their_precision(string iso, string zh, string en)
    {
        Assert.True(PartialDate.TryParse(iso, out var date));
        Assert.Equal(zh, Zh.Date(date));
        Assert.Equal(en, En.Date(date));
    }

    [Theory]
    [InlineData("2021-13")]
    [InlineData("2021-02-30")]
    [InlineData("21-01-01")]
    [InlineData("2021/01/01")]
    [InlineData("0000-01-01")]
    [InlineData("0000-02-30")]
    [InlineData("0999")]
    [InlineData("2021-00")]
    [InlineData("2021-01-00")]
    [InlineData("2020-02-30")]
    public void Impossible_dates_do_not_parse(string text) => Assert.False(PartialDate.TryParse(text, out _));

    [Theory]
    [InlineData("0000-01-01", "there is no year 0000")]
    [InlineData("0000-02-30", "there is no year 0000")] // the year first: calendar arithmetic on year 0 throws
    [InlineData("2021-13-01", "there is no month 13")]
    [InlineData("2021-04-31", "there is no day 31 in April 2021 (it has 30 days)")]
    [InlineData("2021-02-29", "there is no day 29 in February 2021 (it has 28 days)")]
    public void An_impossible_date_says_what_is_impossible(string text, string problem) =>
        Assert.StartsWith(problem, PartialDate.Problem(text, out _));

    [Fact]
    public void The_twenty_ninth_of_february_of_a_leap_year_is_a_date() => Assert.Null(PartialDate.Problem("2020-02-29", out _));

    [Theory]
    [InlineData("81986.67", "亿元", "81,986.67亿元", "about 8.20 trillion yuan")]
    [InlineData("1.6", "万亿元", "1.6万亿元", "1.6 trillion yuan")]
    [InlineData("300", "万辆", "300万辆", "3 million vehicles")]
    [InlineData("3000", "亿元", "3,000亿元", "300 billion yuan")]
    [InlineData("5", "万辆", "5万辆", "50,000 vehicles")]
    [InlineData("312.9", "万辆", "312.9万辆", "about 3.13 million vehicles")]
    [InlineData("6.6", "%", "6.6%", "6.6%")]
    [InlineData("1200", "辆", "1,200辆", "1,200 vehicles")]
    public void Quantities_keep_chinese_magnitudes_in_chinese_and_convert_in_english(string value, string unit, string zh, string en)
    {
        var number = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        var parsed = Unit.Parse(unit);
        Assert.Equal(zh, Zh.Quantity(number, parsed));
        Assert.Equal(en, En.Quantity(number, parsed));
    }

    [Fact]
    public void Units_split_into_magnitude_and_base()
    {
        Assert.Equal(new Unit("万亿元", "万亿", 1_000_000_000_000m, "元"), Unit.Parse("万亿元"));
        Assert.Equal(new Unit("亿元", "亿", 100_000_000m, "元"), Unit.Parse("亿元"));
        Assert.Equal(new Unit("万", "", 1m, "万"), Unit.Parse("万"));
        Assert.Equal(new Unit("%", "", 1m, "%"), Unit.Parse("%"));
    }

    [Fact]
    public void Numbers_keep_the_decimals_they_were_written_with()
    {
        Assert.Equal("81,986.67", En.Number(81986.67m));
        Assert.Equal("1,000", En.Number(1000m));
        Assert.Equal("0.5", Zh.Number(0.5m));
    }
}
