using System.Collections.Immutable;
using System.Globalization;
using Atlas.Localization;
using Atlas.Model;

namespace Atlas.Tests.Localization;

/// <summary>Key figures side by side in one unit per magnitude: 万亿元 / 亿元 / 万 in Chinese, trillion / billion / million in English.</summary>
public sealed class MagnitudeFormatterTests
{
    private static MagnitudeFormatter Zh => new(Bundle("zh", new()
    {
        ["format.number.group"] = ",", ["format.number.decimal"] = ".", ["format.magnitudes"] = "chinese",
        ["unit.元"] = "{n}{m}元", ["unit.辆"] = "{n}{m}辆", ["unit.%"] = "{n}%", ["unit.分钟"] = "{n}{m}分钟",
    }));

    private static MagnitudeFormatter En => new(Bundle("en", new()
    {
        ["format.number.group"] = ",", ["format.number.decimal"] = ".", ["format.magnitudes"] = "western",
        ["magnitude.million"] = "million", ["magnitude.billion"] = "billion", ["magnitude.trillion"] = "trillion",
        ["unit.元"] = "{n} yuan", ["unit.辆"] = "{n} vehicles", ["unit.%"] = "{n}%", ["unit.分钟"] = "{n} minutes",
    }));

    private static I18nBundle Bundle(string language, Dictionary<string, string> strings) =>
        new(language, $"templates/i18n/{language}.yml", strings.ToImmutableSortedDictionary(StringComparer.Ordinal),
            ImmutableDictionary<string, Atlas.Diagnostics.SourceLocation>.Empty);

    [Theory]
    // The pair: a GDP written in 亿元 beside a total written in 万亿元 now reads in the same unit.
    [InlineData("81986.67", "亿元", "8.2万亿元", "8.2 trillion yuan", true)]
    [InlineData("7.7", "万亿元", "7.7万亿元", "7.7 trillion yuan", false)]
    [InlineData("1", "万亿元", "1万亿元", "1 trillion yuan", false)]
    [InlineData("8200", "亿元", "8,200亿元", "820 billion yuan", false)]
    [InlineData("3000", "亿元", "3,000亿元", "300 billion yuan", false)]
    [InlineData("0.5", "万亿元", "5,000亿元", "500 billion yuan", false)]
    [InlineData("343", "万辆", "343万辆", "3.43 million vehicles", false)]
    [InlineData("108.7", "万辆", "108.7万辆", "1.09 million vehicles", true)]
    [InlineData("15000", "辆", "1.5万辆", "15,000 vehicles", false)]
    [InlineData("62", "分钟", "62分钟", "62 minutes", false)]
    [InlineData("6.6", "%", "6.6%", "6.6%", false)]
    public void A_quantity_is_shown_in_the_largest_magnitude_it_reaches(string value, string unit, string zh, string en, bool enRounded)
    {
        var number = decimal.Parse(value, CultureInfo.InvariantCulture);
        var parsed = Unit.Parse(unit);
        Assert.Equal(zh, Zh.Format(number, parsed).Text);
        var english = En.Format(number, parsed);
        Assert.Equal(en, english.Text);
        Assert.Equal(enRounded, english.Rounded);
    }

    [Fact]
    public void Rounding_keeps_one_decimal_or_three_significant_digits_and_says_it_rounded()
    {
        var yuan = Unit.Parse("亿元");
        Assert.Equal(new CompactQuantity("8.2万亿元", Rounded: true), Zh.Format(81986.67m, yuan));
        Assert.Equal(new CompactQuantity("1.23万亿元", Rounded: true), Zh.Format(12345m, yuan));
        Assert.Equal(new CompactQuantity("12.3万亿元", Rounded: true), Zh.Format(123456m, yuan));
        Assert.Equal(new CompactQuantity("123.5万亿元", Rounded: true), Zh.Format(1234567m, yuan));
        Assert.Equal(new CompactQuantity("1.5万亿元", Rounded: false), Zh.Format(15000m, yuan));
    }
}
