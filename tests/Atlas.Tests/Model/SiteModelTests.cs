using Atlas.Loading;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Model;
using Atlas.Tests.Support;

namespace Atlas.Tests.Model;

public sealed class SiteModelTests
{
    [Fact]
    public void WithEntities_puts_the_new_entities_where_the_old_ones_were_and_shares_the_rest()
    {
        using var site = TestSite.Minimal();
        var model = SiteLoader.Load(new LoadOptions(site.Directory), new DiagnosticBag())!.Model;
        var chengdu = model.Get(new EntityId("cities", "chengdu"));
        var name = (LocalizedValue)chengdu.Fields["name"];
        var renamed = new Entity(chengdu.Id, chengdu.Collection,
            chengdu.Fields.SetItem("name", name with { Text = new LocalizedText(name.Text.Values.SetItem("en", "Chengdu City")) }),
            chengdu.Texts, chengdu.SourceFiles);

        var patched = model.WithEntities([renamed]);

        Assert.Same(renamed, patched.Get(chengdu.Id));
        Assert.Same(renamed, patched.Entities[model.Position(chengdu.Id)]);
        Assert.Equal(model.Entities.Length, patched.Entities.Length);
        Assert.Contains(renamed, patched.Collections["cities"]);
        Assert.DoesNotContain(chengdu, patched.Collections["cities"]);
        Assert.Equal(model.Collections["cities"].Select(e => e.Id), patched.Collections["cities"].Select(e => e.Id)); // same order
        Assert.Equal(model.Collections["parks"], patched.Collections["parks"]); // untouched collections are the same arrays
        Assert.Same(chengdu, model.Get(chengdu.Id)); // the model itself is unchanged
    }
}
