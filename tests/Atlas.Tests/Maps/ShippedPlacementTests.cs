using Atlas.Diagnostics;
using Atlas.Loading;
using Atlas.Maps;
using Atlas.Model;
using Atlas.Tests.Support;

namespace Atlas.Tests.Maps;

/// <summary>Placement and locators over the shipped content: what is approximate, which unit each city is, the frames.</summary>
public sealed class ShippedPlacementTests
{
    private static readonly Lazy<LoadedSite> Site = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteLoader.Load(new LoadOptions(Repository.Root), diagnostics);
        Assert.True(site?.Map is not null, string.Join("\n", diagnostics.ToSortedList()));
        return site!;
    });

    private static AtlasMap Map => Site.Value.Map!;

    private static IEnumerable<Entity> Entities(string collection) => Site.Value.Model.Collections[collection];

    private static bool HasCoordinates(Entity entity) => entity.Fields.Values.OfType<CoordinatesValue>().Any();

    [Fact]
    public void Parks_without_coordinates_stand_at_their_hosts_as_approximate_points()
    {
        var placed = Entities("parks").Where(p => !HasCoordinates(p) && Map.GeometryOf(p.Id) is not null).ToList();
        Assert.NotEmpty(placed);
        Assert.All(placed, park => Assert.All(Map.GeometryOf(park.Id)!.Points, point =>
        {
            Assert.True(point.IsApproximate, $"{park.Id} at {point.Place}");
            Assert.NotEqual(park.Id, point.Place);
        }));

        var gaozhu = Map.GeometryOf(new EntityId("parks", "gaozhu-new-area"))!;
        Assert.Equal(["guangan", "yubei"], gaozhu.Points.Select(p => p.Place.Slug).Order());
    }

    [Fact]
    public void Own_positions_are_never_approximate_and_clusters_are_at_places_not_approximations()
    {
        var own = Site.Value.Model.Entities.Where(HasCoordinates).ToList();
        Assert.Contains(own, e => e.Id.Collection == "parks");
        Assert.All(own, e =>
        {
            var point = Assert.Single(Map.GeometryOf(e.Id)!.Points);
            Assert.Equal(MapPlacement.Own, point.Placement);
            Assert.False(point.IsApproximate);
        });

        Assert.All(Entities("clusters").Concat(Entities("corridors")).Select(e => Map.GeometryOf(e.Id)).OfType<MapGeometry>(),
            g => Assert.All(g.Points, p => Assert.Equal(MapPlacement.Place, p.Placement)));
    }

    [Fact]
    public void Every_city_is_matched_to_the_base_map_unit_that_represents_it()
    {
        var units = Map.Locators.Units;
        var unmatched = Entities("cities").Where(c => !units.ContainsKey(c.Id)).Select(c => c.Id.Slug).ToList();
        Assert.Empty(unmatched);
        Assert.All(Entities("cities"), city =>
        {
            var province = ((ReferencesValue)city.Field("province")!).Targets[0].Slug;
            Assert.Equal(province, units[city.Id].Province);
        });

        string Unit(string slug) => units[new EntityId("cities", slug)].Name;
        Assert.Equal("渝北区", Unit("yubei"));
        Assert.Equal("梁平县", Unit("liangping")); // the base map's name predates 梁平区
        Assert.Equal("成都市", Unit("shuangliu")); // Sichuan is drawn by prefecture
        Assert.Equal("资阳市", Unit("anyue"));
        Assert.Equal("达州市", Unit("kaijiang"));
        Assert.Equal("成都市", Unit("chengdu"));
    }

    [Fact]
    public void Every_locator_frame_holds_its_points_and_has_the_locator_shape()
    {
        var count = 0;
        foreach (var entity in Site.Value.Model.Entities)
        {
            if (Map.Locators.Of(entity) is not { } locator)
            {
                continue;
            }

            count++;
            var f = locator.Frame;
            Assert.Equal(Locators.Aspect, f.Height / f.Width, 2);
            Assert.True(f.Width >= Locators.MinimumWidth, $"{entity.Id}: {f}");
            Assert.All(locator.Points.Concat(locator.Neighbours), p =>
                Assert.True(p.X >= f.X && p.X <= f.X + f.Width && p.Y >= f.Y && p.Y <= f.Y + f.Height, $"{entity.Id}: {p.Place} outside {f}"));
        }

        Assert.True(count > 150, $"{count} locators");
    }

    [Fact]
    public void City_pages_highlight_their_unit_and_park_pages_their_hosts()
    {
        Assert.All(Entities("cities"), city =>
            Assert.Equal(Map.Locators.UnitOf(city.Id), Assert.Single(Map.Locators.Of(city)!.Highlights)));

        var gaozhu = Map.Locators.Of(Site.Value.Model.Get(new EntityId("parks", "gaozhu-new-area")))!;
        Assert.Equal(["广安市", "渝北区"], gaozhu.Highlights.Select(h => h.Name).Order());
        var airport = Map.Locators.Of(Site.Value.Model.Get(new EntityId("parks", "tianfu-international-airport")))!;
        Assert.Equal("成都市", Assert.Single(airport.Highlights).Name);
    }

    [Fact]
    public void An_entity_linked_only_to_a_region_shows_the_region()
    {
        var person = Map.Locators.Of(Site.Value.Model.Get(new EntityId("people", "zhu-huarong")))!;
        Assert.Empty(person.Points);
        Assert.Equal("chongqing", Assert.Single(person.Regions).Slug);
        var chongqing = Map.Base.Regions.Where(r => r.Province == "chongqing").SelectMany(r => r.Rings).SelectMany(r => r)
            .Select(Map.Base.Projection.Project).ToList();
        Assert.True(person.Frame.X <= chongqing.Min(p => p.X) && person.Frame.X + person.Frame.Width >= chongqing.Max(p => p.X));
    }
}
