using System.Collections.Immutable;
using Atlas.Maps;
using Atlas.Model;

namespace Atlas.Tests.Maps;

public sealed class CooperationCountsTests
{
    private static GeoRegion Unit(string id, string name, string province) => new(id, name, province, []);

    private static readonly ImmutableArray<GeoRegion> Units =
    [
        Unit("510100", "成都市", "sichuan"),
        Unit("511900", "巴中市", "sichuan"),
        Unit("512000", "资阳市", "sichuan"),
        Unit("513400", "凉山彝族自治州", "sichuan"),
        Unit("500103", "渝中区", "chongqing"),
        Unit("500113", "巴南区", "chongqing"),
        Unit("500112", "渝北区", "chongqing"),
        Unit("500228", "梁平县", "chongqing"),
        Unit("500241", "秀山土家族苗族自治县", "chongqing"),
    ];

    private static CountedEntity Entity(string slug, params string[] places) =>
        new(new EntityId("parks", slug), [.. places.Select(p => new CountedPlace(p))]);

    [Theory]
    [InlineData("成都市", "成都")]
    [InlineData("梁平县", "梁平")]
    [InlineData("渝北区", "渝北")]
    [InlineData("凉山彝族自治州", "凉山")]
    [InlineData("秀山土家族苗族自治县", "秀山")]
    [InlineData("攀枝花市", "攀枝花")]
    public void A_units_stem_drops_its_suffix_and_peoples(string name, string stem) =>
        Assert.Equal(stem, CooperationCounts.Stem(name));

    [Theory]
    [InlineData("成都市", "510100")]
    [InlineData("成都市双流区", "510100")] // a Sichuan district counts for its prefecture
    [InlineData("资阳市安岳县", "512000")]
    [InlineData("重庆市渝北区", "500112")] // a Chongqing district for itself
    [InlineData("重庆市巴南区", "500113")] // not 巴中市
    [InlineData("重庆市梁平区", "500228")] // renamed since the base map: 梁平县 → 梁平区
    [InlineData("四川省凉山彝族自治州西昌市", "513400")]
    public void A_place_is_matched_to_its_unit_by_name(string place, string unit) =>
        Assert.Equal(unit, CooperationCounts.UnitOf(place, Units)?.Id);

    [Fact]
    public void A_place_no_unit_names_is_not_matched_by_name() =>
        Assert.Null(CooperationCounts.UnitOf("重庆（主城）", Units));

    [Fact]
    public void Counts_roll_up_once_per_unit_and_regions_only_entities_are_listed_apart()
    {
        var counts = CooperationCounts.Count(
        [
            Entity("a", "成都市", "成都市双流区", "重庆市渝北区"), // Chengdu once, though two of its places
            Entity("b", "资阳市安岳县"),
            Entity("c", "成都市双流区", "重庆市梁平区"),
            Entity("d"), // only regions
            new CountedEntity(new EntityId("corridors", "e"), [new CountedPlace("重庆（主城）", Units[4])]),
        ], Units);

        int CountOf(string id) => counts.Units.Single(u => u.Unit.Id == id).Count;
        Assert.Equal(2, CountOf("510100"));
        Assert.Equal(1, CountOf("512000"));
        Assert.Equal(1, CountOf("500112"));
        Assert.Equal(1, CountOf("500228"));
        Assert.Equal(1, CountOf("500103")); // by the place's position, its name naming no unit
        Assert.Equal(0, CountOf("511900"));
        Assert.Equal(Units.Length, counts.Units.Length);
        Assert.Equal(new EntityId("parks", "d"), Assert.Single(counts.Unplaced));
        Assert.Equal(["成都市", "成都市双流区"], counts.Units.Single(u => u.Unit.Id == "510100").Places.ToArray());
        Assert.Equal(["重庆（主城）"], counts.Units.Single(u => u.Unit.Id == "500103").Places.ToArray());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(5, 2)]
    [InlineData(6, 3)]
    [InlineData(40, 3)]
    public void Counts_fall_into_four_classes(int count, int expected) =>
        Assert.Equal(expected, CooperationCounts.ClassOf(count));
}
