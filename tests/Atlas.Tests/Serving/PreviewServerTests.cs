using System.Net;
using Atlas.Serving;
using Atlas.Tests.Support;

namespace Atlas.Tests.Serving;

public sealed class PreviewServerTests
{
    private static readonly HttpClient Http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(20) };

    private static async Task<string> PollUntil(Uri url, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            last = await Http.GetStringAsyncOrError(url);
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"condition not met within 30 s; last response:\n{last}");
        return last;
    }

    [Fact]
    public async Task Serves_on_loopback_rebuilds_after_a_change_and_shows_errors_until_fixed()
    {
        using var site = TestSite.Minimal();
        await using var server = await PreviewServer.StartAsync(new PreviewOptions(site.Directory) { Port = 0 });

        Assert.Equal("127.0.0.1", server.Address.Host);
        var page = new Uri(server.Address, "en/cities/chengdu/");
        var first = await Http.GetStringAsync(page);
        Assert.Contains("Chengdu body.", first);
        Assert.Contains(PreviewServer.ScriptPath, first); // the reload script is injected

        site.Write("content/cities/chengdu.en.md", "Chengdu, edited while serving.\n");
        await PollUntil(page, html => html.Contains("Chengdu, edited while serving.", StringComparison.Ordinal));

        site.Write("content/cities/chengdu.yml", "name: {zh: 成都, en: Chengdu\nsummary: broken\n");
        var error = await PollUntil(page, html => html.Contains("did not build", StringComparison.Ordinal));
        Assert.Contains("content/cities/chengdu.yml:", error);

        site.Write("content/cities/chengdu.yml", "name: {zh: 成都, en: Chengdu}\nsummary: {zh: 四川省会, en: Capital}\ncoordinates: [104.07, 30.57]\n");
        await PollUntil(page, html => html.Contains("Chengdu, edited while serving.", StringComparison.Ordinal) && !html.Contains("did not build", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_pages_get_the_404_of_their_language_and_traversal_is_refused()
    {
        using var site = TestSite.Minimal("""
-- templates/404.html --
<h1>{{ t "home.hello" }} 404</h1>
""");
        await using var server = await PreviewServer.StartAsync(new PreviewOptions(site.Directory) { Port = 0 });

        var english = await Http.GetAsync(new Uri(server.Address, "en/no/such/page/"));
        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
        Assert.Contains("Hello 404", await english.Content.ReadAsStringAsync());
        var chinese = await Http.GetAsync(new Uri(server.Address, "zh/no/such/page/"));
        Assert.Contains("你好 404", await chinese.Content.ReadAsStringAsync());

        foreach (var attack in new[] { "/..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/en/..%5c..%5cetc%5cpasswd", "/assets/%00x" })
        {
            var response = await Http.GetAsync(server.Address.GetLeftPart(UriPartial.Authority) + attack);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{attack}: {response.StatusCode}");
            Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync());
        }

        var css = await Http.GetAsync(new Uri(server.Address, "en/"));
        Assert.Equal("text/html; charset=utf-8", css.Content.Headers.ContentType!.ToString());
        var redirect = await Http.GetAsync(new Uri(server.Address, "en"));
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
    }

    [Theory]
    [InlineData("/../etc/passwd")]
    [InlineData("/a/../../etc/passwd")]
    [InlineData("/a\\..\\..\\etc")]
    [InlineData("/./x")]
    public void The_path_policy_refuses_anything_that_leaves_the_output(string path)
    {
        Assert.Equal(PreviewPaths.Outcome.Refused, PreviewPaths.Resolve("/srv/out", path, path).Kind);
    }
}

internal static class HttpExtensions
{
    /// <summary>The body whatever the status (the error page is a 500 that tests want to read).</summary>
    public static async Task<string> GetStringAsyncOrError(this HttpClient client, Uri url)
    {
        try
        {
            using var response = await client.GetAsync(url);
            return await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }
}
