using System.Text;
using Atlas.Exports;
using Atlas.Tests.Building;
using Atlas.Tests.Support;
using Atlas.Text;

namespace Atlas.Tests.Search;

/// <summary>The search index the build writes for the shipped atlas (/search/&lt;lang&gt;/): what it holds and how it is cut.</summary>
[Collection(ShippedSiteCollection.Name)]
public sealed class SearchIndexTests(ShippedSiteTests.Build build)
{
    [Theory]
    [InlineData("zh", "高竹")]
    [InlineData("zh", "gaozhu")]
    [InlineData("en", "gaozhu")]
    [InlineData("en", "高竹")]
    public void The_index_finds_gaozhu_by_its_names_and_pinyin(string language, string term) =>
        Assert.Contains($"{language}/parks/gaozhu-new-area/", new BuiltSearchIndex(build.OutputDirectory, language).Find(term));

    [Theory]
    [InlineData("zh", "宜宾", "zh/cities/yibin/")]
    [InlineData("zh", "yibin", "zh/cities/yibin/")]
    [InlineData("zh", "重庆市", "zh/regions/chongqing/")]
    [InlineData("en", "guangan", "en/cities/guangan/")]
    [InlineData("en", "yongchuan", "en/cities/yongchuan/")]
    public void Whole_names_are_keys_without_their_unit_and_in_pinyin(string language, string key, string url) =>
        Assert.Contains(url, new BuiltSearchIndex(build.OutputDirectory, language).Find(key, "n"));

    /// <summary>site.yml says search: false for the glossary: its terms are wording, not results (绿然 finds the company).</summary>
    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void A_collection_kept_out_of_search_has_no_entity_in_the_index(string language)
    {
        var urls = new BuiltSearchIndex(build.OutputDirectory, language).Urls();
        Assert.Contains(urls, u => u.StartsWith($"{language}/organisations/", StringComparison.Ordinal));
        Assert.True(Directory.Exists(Path.Combine(build.OutputDirectory, language, "glossary", "luran")), "the glossary's pages are still built");
        Assert.DoesNotContain(urls, u => u.StartsWith($"{language}/glossary/", StringComparison.Ordinal) && u != $"{language}/glossary/");
    }

    /// <summary>site.yml says synonyms: replaces for the glossary: each replaced wording maps to the entry's name in the
    /// index's language, for the script to search for instead (tests/search/queries.tsv runs such queries).</summary>
    [Theory]
    [InlineData("zh", "西部陆海新通道")]
    [InlineData("en", "New International Land–Sea Trade Corridor")]
    public void The_glossary_s_replaced_wording_is_a_synonym_of_its_name(string language, string name)
    {
        using var meta = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(build.OutputDirectory, "search", language, "meta.json")));
        var synonyms = meta.RootElement.GetProperty("synonyms").EnumerateArray()
            .Select(p => (Alternative: p[0].GetString()!, Name: p[1].GetString()!)).ToList();
        Assert.Contains(("Western Land-Sea Corridor", name), synonyms);
        Assert.Contains(("Western Land–Sea Corridor", name), synonyms);
        Assert.Equal(synonyms.OrderBy(s => s.Alternative, StringComparer.Ordinal).ToList(), synonyms);
    }

    [Fact]
    public void The_last_word_of_every_long_english_body_is_indexed()
    {
        // The old index kept 1,200 characters of a body: what followed could not be found.
        var index = new BuiltSearchIndex(build.OutputDirectory, "en");
        var urls = index.Urls();
        var texts = Path.Combine(build.OutputDirectory, "search", "en", "x");
        var checkedBodies = 0;
        for (var d = 0; d < urls.Count; d++)
        {
            var file = Path.Combine(texts, d + ".txt");
            if (!File.Exists(file) || new FileInfo(file).Length <= 1200)
            {
                continue;
            }

            var last = SearchTerms.Terms(File.ReadAllText(file, Encoding.UTF8)).Last();
            Assert.True(index.Postings(last).ContainsKey(d), $"{urls[d]}: its last word '{last}' is not in the index");
            checkedBodies++;
        }

        Assert.True(checkedBodies >= 30, $"only {checkedBodies} long bodies");
    }

    [Fact]
    public void Field_values_such_as_host_cities_are_indexed_at_the_lowest_weight()
    {
        // 川渝高竹新区's host cities include 广安市: its page is found by 广安 even where its text would not say so.
        var index = new BuiltSearchIndex(build.OutputDirectory, "zh");
        var doc = index.Urls().ToList().IndexOf("zh/parks/gaozhu-new-area/");
        Assert.True(index.Postings("广安").ContainsKey(doc));
    }

    [Fact]
    public void No_shard_is_far_above_its_limit_unless_it_is_one_term_and_its_name_key()
    {
        var root = Path.Combine(build.OutputDirectory, "search", "zh", "t");
        foreach (var file in Directory.EnumerateFiles(root))
        {
            var size = new FileInfo(file).Length;
            if (size > SearchIndexWriter.ShardLimit * 2)
            {
                using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(file));
                var keys = json.RootElement.GetProperty("t").EnumerateObject().Count() + json.RootElement.GetProperty("n").EnumerateObject().Count();
                Assert.True(keys <= 2, $"{file}: {size} bytes in {keys} keys");
            }
        }
    }
}
