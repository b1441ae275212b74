using Atlas.Text;

namespace Atlas.Tests.Text;

public sealed class CollationTests
{
    private static List<string> Sorted(string language, params string[] names) =>
        [.. names.OrderBy(n => Collation.KeyFor(language, n), StringComparer.Ordinal)];

    [Fact]
    public void Chinese_names_sort_by_pinyin_not_by_code_point()
    {
        // By code point 重 (U+91CD) would come after 达 (U+8FBE) and 成 (U+6210) before both; by pinyin: chéng, chóng, dá, …
        Assert.Equal(["成都", "重庆", "达州", "泸州", "宜宾", "自贡"], Sorted("zh", "自贡", "重庆", "泸州", "成都", "宜宾", "达州"));
    }

    [Fact]
    public void Chongqing_sorts_under_c_and_the_yangtze_under_chang()
    {
        Assert.StartsWith("chong\u0001qing\u0001", Collation.KeyFor("zh", "重庆"), StringComparison.Ordinal);
        Assert.StartsWith("chang\u0001jiang\u0001", Collation.KeyFor("zh", "长江经济带"), StringComparison.Ordinal);
        Assert.Equal(["长江", "成都", "重庆", "中国"], Sorted("zh", "中国", "重庆", "成都", "长江"));
    }

    [Fact]
    public void Syllables_compare_one_by_one_then_tones_then_code_points()
    {
        // 西安 (xī ān) before 先 (xiān): syllable by syllable, "xi" is shorter than "xian".
        Assert.Equal(["西安", "先"], Sorted("zh", "先", "西安"));
        // Same letters: by tone, mā má mǎ mà.
        Assert.Equal(["妈", "麻", "马", "骂"], Sorted("zh", "骂", "马", "妈", "麻"));
        // Same letters and tone (both zhōng): by code point, 中 U+4E2D before 钟 U+949F.
        Assert.Equal(["中", "钟"], Sorted("zh", "钟", "中"));
    }

    [Fact]
    public void Digits_sort_by_number_and_latin_letters_among_the_pinyin()
    {
        Assert.Equal(["第2次", "第10次"], Sorted("zh", "第10次", "第2次"));
        Assert.Equal(["2nd conference", "10th conference"], Sorted("en", "10th conference", "2nd conference"));
        // iPad (i-pad) sorts among the i-syllables' neighbours: after hóng (h), before jī (j).
        Assert.Equal(["红色", "iPad产量", "机场"], Sorted("zh", "机场", "iPad产量", "红色"));
        // Digits before letters.
        Assert.Equal(["2024年重大项目", "安全"], Sorted("zh", "安全", "2024年重大项目"));
    }

    [Fact]
    public void English_folds_case_and_diacritics_with_an_ordinal_tie_break()
    {
        Assert.Equal(["Apple", "apple", "eagle", "Éclair", "zebra"], Sorted("en", "zebra", "Éclair", "apple", "eagle", "Apple"));
        // Word by word: "New Area" before "Newark".
        Assert.Equal(["New Area", "Newark"], Sorted("en", "Newark", "New Area"));
        // Pinyin with tone marks sorts as its letters.
        Assert.Equal(["Chéngdū", "Chongqing"], Sorted("en", "Chongqing", "Chéngdū"));
    }

    [Fact]
    public void The_key_is_deterministic_and_distinct_for_distinct_names()
    {
        string[] names = ["重庆", "重庆市", "成都", "Chengdu", "chengdu", "成都 ", "第10次", "钟", "中"];
        foreach (var language in new[] { "zh", "en" })
        {
            var keys = names.Select(n => Collation.KeyFor(language, n)).ToList();
            Assert.Equal(keys, names.Select(n => Collation.KeyFor(language, n)));
            Assert.Equal(names.Length, keys.Distinct(StringComparer.Ordinal).Count());
            // Any input order gives the same output order.
            Assert.Equal(Sorted(language, names), Sorted(language, [.. names.Reverse()]));
        }
    }

    [Fact]
    public void Chinese_is_chosen_by_language_code_or_locale()
    {
        Assert.True(Collation.IsChinese("zh"));
        Assert.True(Collation.IsChinese("zh-CN"));
        Assert.False(Collation.IsChinese("en"));
        Assert.False(Collation.IsChinese("zha"));
    }
}
