using Atlas.Loading;
using Atlas.Diagnostics;
using Atlas.Model;
using Atlas.Tests.Support;

namespace Atlas.Tests.Content;

/// <summary>
/// The prose is ours: no run of 25 or more characters of the Chinese text may be identical to a source article.
/// To regenerate the fingerprints after an article is added:
/// <c>ATLAS_WRITE_FINGERPRINTS=../shared/seeds dotnet test tests/Atlas.Tests --filter ArticleCopyTests</c>.
/// </summary>
public sealed class ArticleCopyTests
{
    private static readonly Lazy<ArticleFingerprints> Fingerprints = new(() =>
    {
        if (Environment.GetEnvironmentVariable("ATLAS_WRITE_FINGERPRINTS") is { Length: > 0 } seeds)
        {
            var articles = Directory.GetFiles(Path.GetFullPath(seeds, Repository.Root), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText);
            ArticleFingerprints.FromArticles(articles).Save(ArticleFingerprints.DefaultPath);
        }

        return ArticleFingerprints.Load(ArticleFingerprints.DefaultPath);
    });

    [Fact]
    public void The_fingerprints_are_those_of_the_articles()
    {
        // Document titles and a figure the articles print, in their wording: found only if the file is the articles'.
        Assert.True(Fingerprints.Value.Count > 10_000, $"{Fingerprints.Value.Count} windows");
        Assert.True(Fingerprints.Value.ContainsRunOf("《共建成渝地区工业互联网一体化发展示范区实施方案》"));
        Assert.True(Fingerprints.Value.ContainsRunOf("成渝地区工业互联网一体化发展示范区于2021年获工业和信息化部正式批复"));
        Assert.False(Fingerprints.Value.ContainsRunOf("这是一句不在任何一篇报道里出现的、我们自己写的二十五个字以上的句子。"));
    }

    [Fact]
    public void The_detector_finds_a_copied_run_and_leaves_the_exceptions()
    {
        var article = "会议指出，要共同推动成渝地区双城经济圈建设走深走实，持续加强川渝两地在交通、产业、创新等方面的合作。" +
                      "全国人大代表、重庆长安汽车股份有限公司党委书记、董事长朱华荣表示，将继续推动合作。" +
                      "会议审议通过了《共建成渝地区工业互联网一体化发展示范区实施方案》。";
        var detector = ArticleFingerprints.FromArticles([article]);

        var copied = detector.CopiedRuns("报道说，要共同推动成渝地区双城经济圈建设走深走实，持续加强川渝两地在交通方面的合作。", []);
        Assert.Equal(",要共同推动成渝地区双城经济圈建设走深走实,持续加强川渝两地在交通", Assert.Single(copied));

        // Whitespace and full-width punctuation do not hide a copy.
        Assert.Single(detector.CopiedRuns("要共同推动成渝地区双城经济圈建设走深走实 ， 持续加强川渝两地在交通、产业", []));
        // 24 characters are not a copy.
        Assert.Empty(detector.CopiedRuns("要共同推动成渝地区双城经济圈建设走深走实，持续加", []));
        // A person's titles and name, a document title and a title the caller names are exceptions.
        Assert.Empty(detector.CopiedRuns("全国人大代表、重庆长安汽车股份有限公司党委书记、董事长朱华荣说了别的话。", []));
        Assert.Empty(detector.CopiedRuns("会议通过了《共建成渝地区工业互联网一体化发展示范区实施方案》。", []));
        Assert.Empty(detector.CopiedRuns("推动成渝地区双城经济圈建设走深走实，持续加强川渝两地", ["推动成渝地区双城经济圈建设走深走实"]));
    }

    [Fact]
    public void No_chinese_prose_copies_an_article()
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteLoader.Load(new LoadOptions(Repository.Root), diagnostics);
        Assert.True(site is not null, string.Join("\n", diagnostics.ToSortedList()));
        // The names of articles and meetings are titles (documents are quoted in 《》); a park's or a plan's name is not excepted.
        var titles = site!.Model.Entities.Where(e => e.Collection.Name is "sources" or "meetings").Select(e => e.Name["zh"]).ToArray();

        var problems = new List<string>();
        foreach (var entity in site.Model.Entities)
        {
            var text = entity.Texts["zh"];
            foreach (var prose in new[] { entity.Summary["zh"], text.PlainText })
            {
                problems.AddRange(Fingerprints.Value.CopiedRuns(prose, titles).Select(run => $"{text.SourcePath}: copied from an article: {run}"));
            }
        }

        Assert.True(problems.Count == 0, "say these in our own words:\n" + string.Join("\n", problems));
    }
}
