using Atlas.Building;
using Atlas.Preview;

namespace Atlas.Tests.Preview;

/// <summary>The preview is its own project on the engine's public API: the engine knows no web server and no preview.</summary>
public sealed class PreviewProjectTests
{
    [Fact]
    public void The_engine_references_no_web_framework_and_has_no_preview_types()
    {
        var engine = typeof(SiteBuilder).Assembly;
        Assert.DoesNotContain(engine.GetReferencedAssemblies(), name => name.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(engine.GetTypes(), type => (type.Namespace ?? "").Contains("Preview", StringComparison.Ordinal) ||
                                                         type.Name.Contains("Preview", StringComparison.Ordinal));
        Assert.Contains(typeof(PreviewServer).Assembly.GetReferencedAssemblies(), name => name.Name == engine.GetName().Name);
    }
}
