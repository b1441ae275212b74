using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Atlas.BrowserTests.Support.LongestFirstOrderer", "Atlas.BrowserTests")]

namespace Atlas.BrowserTests.Support;

/// <summary>
/// Marks a test class whose tests go over every page of the site: by far the longest, so it starts before the others
/// and the short classes fill the remaining parallel slots around it, instead of starting last and running alone.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SweepsEveryPageAttribute : Attribute;

/// <summary>Starts the classes marked <see cref="SweepsEveryPageAttribute"/> first, then the others in name order.</summary>
public sealed class LongestFirstOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(collection => SweepsEveryPage(collection) ? 0 : 1)
            .ThenBy(collection => collection.DisplayName, StringComparer.Ordinal);

    /// <summary>xunit names a class's own collection "Test collection for Namespace.Class".</summary>
    private static bool SweepsEveryPage(ITestCollection collection)
    {
        const string prefix = "Test collection for ";
        var name = collection.DisplayName.StartsWith(prefix, StringComparison.Ordinal) ? collection.DisplayName[prefix.Length..] : null;
        var type = name is null ? null : typeof(LongestFirstOrderer).Assembly.GetType(name);
        return type?.GetCustomAttribute<SweepsEveryPageAttribute>() is not null;
    }
}
