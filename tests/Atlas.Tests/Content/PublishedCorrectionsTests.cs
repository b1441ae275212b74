using Atlas.Loading;
using Atlas.Diagnostics;
using Atlas.Model;
using Atlas.Tests.Support;

namespace Atlas.Tests.Content;

/// <summary>
/// Errors of fact once published on the atlas and then corrected: each test fails if the wrong statement comes back.
/// The wording checks read the Markdown as an editor writes it, so a reintroduced phrase is found wherever it sits.
/// </summary>
public sealed class PublishedCorrectionsTests
{
    private static readonly Lazy<SiteModel> Model = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteLoader.Load(new LoadOptions(Repository.Root), diagnostics);
        Assert.True(site is not null, string.Join("\n", diagnostics.ToSortedList()));
        return site!.Model;
    });

    private static string Read(string path) => File.ReadAllText(Path.Combine(Repository.Root, "content", path));

    [Theory]
    // The Zongshen Humi secondary node in Shuangliu was being built in March 2021 (在…建设), not completed.
    [InlineData("cities/shuangliu.zh.md", "建成了[工业互联网标识解析二级节点]")]
    [InlineData("parks/identifier-top-node.zh.md", "双流建成的")]
    [InlineData("parks/industrial-internet-zone.zh.md", "建成的[标识解析二级节点]")]
    [InlineData("cities/shuangliu.en.md", "Humi built")]
    [InlineData("cities/shuangliu.en.md", "had built an [industrial-internet")]
    [InlineData("cities/chengdu.en.md", "Humi built")]
    [InlineData("parks/humi-secondary-node.en.md", "secondary node built by")]
    // The zone was the second in time after the Yangtze River Delta (继长三角之后第二个), not ranked behind it.
    [InlineData("parks/industrial-internet-zone.zh.md", "仅次于长三角")]
    // "The only cross-provincial co-built new area" is a quotation of Guang'an's Party secretary, not a fact of ours.
    [InlineData("cities/guangan.zh.md", "共建全国唯一跨省域共建新区")]
    [InlineData("cities/guangan.en.md", "builds with Chongqing's Yubei District the country's only")]
    // The article puts the "No. 1 project" beside the economic circle; it does not say they are the same.
    [InlineData("cities/chongqing.zh.md", "重庆市委把经济圈建设作为“一号工程”")]
    [InlineData("cities/chongqing.en.md", "calls the circle its \"No. 1 project\"")]
    [InlineData("plans/chuanyu-tongban.zh.md", "“一号工程”——即成渝地区双城经济圈建设")]
    [InlineData("plans/chuanyu-tongban.en.md", "\"No. 1 project\" — the building of the economic circle")]
    // The article lists four documents of the 2nd conference and ends with 等文件 ("and others").
    [InlineData("meetings/joint-conference-2.en.md", "and three other documents")]
    [InlineData("meetings/joint-conference-2.zh.md", "等四份文件")]
    // The plan speaks of energy equipment (能源装备) for wind, solar, hydro and geothermal energy.
    [InlineData("clusters/clean-energy-equipment.zh.md", "发电装备")]
    [InlineData("clusters/clean-energy-equipment.en.md", "power equipment")]
    // The article names the 千万工程 without saying it is Zhejiang's.
    [InlineData("meetings/joint-conference-8.zh.md", "浙江")]
    [InlineData("meetings/joint-conference-8.en.md", "Zhejiang")]
    [InlineData("plans/new-urbanisation-model.zh.md", "浙江")]
    [InlineData("plans/new-urbanisation-model.en.md", "Zhejiang")]
    [InlineData("parks/urban-rural-integration-zone.zh.md", "浙江")]
    [InlineData("parks/urban-rural-integration-zone.en.md", "Zhejiang")]
    [InlineData("sources/two-sessions-2024.zh.md", "浙江")]
    [InlineData("sources/two-sessions-2024.en.md", "Zhejiang")]
    // No article spells out the four modernisations (新四化).
    [InlineData("clusters/automotive.zh.md", "电动化、网联化、智能化、共享化")]
    [InlineData("clusters/automotive.en.md", "electrification, connectivity, intelligence and sharing")]
    // The one sentence once copied from the March 2025 review.
    [InlineData("parks/urban-rural-integration-zone.zh.md", "省际毗邻地区开展[经济区与行政区适度分离改革]")]
    // Typos.
    [InlineData("indicators/nev-output-2024.zh.md", "还还")]
    [InlineData("cities/chengdu.en.md", "hosts the hosting")]
    [InlineData("cities/nanan.en.md", "Changjiahui city reception hall")]
    public void A_corrected_statement_does_not_come_back(string path, string wrong)
    {
        Assert.DoesNotContain(wrong, Read(path));
    }

    [Fact]
    public void The_yuguang_branch_expressway_was_completed_in_2020()
    {
        // "建成成渝和渝广支线等2条川渝高速公路" (the December 2020 article).
        var opened = Assert.IsType<DateValue>(Entity("corridors", "yuguang-branch-expressway").Field("opened"));
        Assert.Equal(new PartialDate(2020, null, null), opened.Date);
    }

    [Fact]
    public void The_eighth_joint_conference_is_dated_to_the_end_of_2023()
    {
        // "去年底召开的……第八次会议" in the March 2024 article: December 2023, no day.
        var date = Assert.IsType<DateValue>(Entity("meetings", "joint-conference-8").Field("date"));
        Assert.Equal(new PartialDate(2023, 12, null), date.Date);
    }

    [Fact]
    public void Chuanyu_tongban_is_not_linked_to_chengdu()
    {
        var cities = Assert.IsType<ReferencesValue>(Entity("plans", "chuanyu-tongban").Field("cities"));
        Assert.DoesNotContain(new EntityId("cities", "chengdu"), cities.Targets);
    }

    private static Entity Entity(string collection, string slug) =>
        Model.Value.Find(new EntityId(collection, slug)) ?? throw new InvalidOperationException($"{collection}/{slug} is missing");
}
