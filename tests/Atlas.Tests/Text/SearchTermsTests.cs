using Atlas.Text;
using Atlas.Tests.Support;

namespace Atlas.Tests.Text;

/// <summary>
/// Folding and segmentation for search (<see cref="SearchTerms"/>): the examples of tests/search/folding.tsv, which the
/// search page's script is checked against too, so that a query is cut the way the index was.
/// </summary>
public sealed class SearchTermsTests
{
    public static TheoryData<string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(Repository.Root, "tests", "search", "folding.tsv")))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            data.Add(columns[0], columns[1], columns[2]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Text_is_cut_into_the_terms_the_example_lists(string kind, string text, string expected)
    {
        var terms = kind switch
        {
            "index" => SearchTerms.Terms(text).Distinct(StringComparer.Ordinal),
            "query" => SearchTerms.QueryTerms(text),
            "key" => [SearchTerms.NameKey(text)],
            _ => throw new InvalidOperationException("unknown kind " + kind),
        };
        Assert.Equal(expected, string.Join(' ', terms));
    }

    [Fact]
    public void The_example_file_covers_every_kind() =>
        Assert.Equal(["index", "key", "query"], Examples().Select(row => (string)row[0]).Distinct().Order());

    [Theory]
    [InlineData("重庆（主城）", "重庆")]
    [InlineData("Chongqing (city)", "Chongqing")]
    [InlineData("中国国际智能产业博览会（智博会）", "中国国际智能产业博览会")]
    [InlineData("（建议）", "（建议）")]
    public void A_names_core_drops_its_bracketed_qualifiers(string name, string core) =>
        Assert.Equal(core, SearchTerms.Core(name));

    [Theory]
    [InlineData("宜宾市", "宜宾")]
    [InlineData("四川省", "四川")]
    [InlineData("重庆市巴南区", "重庆市巴南")]
    [InlineData("港区", null)]
    [InlineData("yibin", null)]
    public void A_trailing_administrative_unit_can_be_left_out(string key, string? without) =>
        Assert.Equal(without, SearchTerms.WithoutAdministrativeSuffix(key));

    [Fact]
    public void Pinyin_terms_use_the_word_level_readings_of_the_sort_order()
    {
        // 重庆 is chóngqìng by PinyinWords, not zhòng (the character table's first reading).
        Assert.Contains("chongqing", SearchTerms.PinyinTerms("重庆市"));
        Assert.Contains("yibin", SearchTerms.PinyinTerms("宜宾市"));
        Assert.Contains("gaozhu", SearchTerms.PinyinTerms("川渝高竹新区"));
        Assert.Contains("wandakai", SearchTerms.PinyinTerms("万达开川渝统筹发展示范区"));
        Assert.DoesNotContain("zhongqing", SearchTerms.PinyinTerms("重庆市"));
    }
}
