using Atlas.Config;

namespace Atlas.Tests.Config;

/// <summary>base_url and --base-url: every absolute link of the site is the base URL followed by a path.</summary>
public sealed class BaseUrlRuleTests
{
    [Theory]
    [InlineData("https://example.org/atlas/", "https://example.org/atlas/")]
    [InlineData("https://example.org/atlas", "https://example.org/atlas/")]
    [InlineData("https://example.org", "https://example.org/")]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080/")]
    [InlineData("http://[::1]:8080/", "http://[::1]:8080/")]
    public void A_base_url_is_an_absolute_http_url_ending_in_a_slash(string text, string normalized)
    {
        Assert.Equal(normalized, BaseUrlRule.Normalize(text, "base_url", out var problem));
        Assert.Equal("", problem);
    }

    [Theory]
    [InlineData("/atlas/", "must be an absolute http(s) URL")]
    [InlineData("ftp://example.org/", "must be an absolute http(s) URL")]
    [InlineData("javascript:alert(1)", "must be an absolute http(s) URL")]
    [InlineData("https://example.org/atlas/?v=1", "has a query ('?v=1')")]
    [InlineData("https://example.org/atlas?", "has a query")]
    [InlineData("https://example.org/atlas/#top", "has a fragment ('#top')")]
    [InlineData("https://example.org/#", "has a fragment")]
    [InlineData("https://editor:hunter2@example.org/", "holds a user name or password before '@example.org'")]
    [InlineData("https://editor@example.org/", "holds a user name or password")]
    [InlineData("https://example.org/at las/", "is not a well-formed URL")]
    [InlineData("https://example.org\\evil/", "must be an absolute http(s) URL")]
    public void A_base_url_that_a_path_cannot_follow_is_refused_with_how_to_fix_it(string text, string fragment)
    {
        Assert.Null(BaseUrlRule.Normalize(text, "base_url", out var problem));
        Assert.Contains(fragment, problem);
        Assert.DoesNotContain("hunter2", problem); // a password never reaches the log
    }
}
