using System.Net;
using System.Net.Sockets;
using System.Text;
using Atlas.Preview;
using Atlas.Tests.Support;

namespace Atlas.Tests.Preview;

/// <summary>One preview of the minimal site shared by the Host and redirect tests (each request is independent).</summary>
public sealed class PreviewFixture : IAsyncLifetime
{
    private TestSite? _site;

    public PreviewServer Server { get; private set; } = null!;

    public int Port => Server.Address.Port;

    public async Task InitializeAsync()
    {
        _site = TestSite.Minimal();
        Server = await PreviewServer.StartAsync(new PreviewOptions(_site.Directory) { Port = 0 });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _site?.Dispose();
    }
}

/// <summary>
/// DNS rebinding: a page on evil.example whose name resolves to 127.0.0.1 must not be able to read the preview, so
/// the preview answers only its own names; and a redirect never leaves the host (no protocol-relative Location).
/// Requests are written by hand: HttpClient would fix the very targets and headers under test.
/// </summary>
public sealed class PreviewHostTests(PreviewFixture preview) : IClassFixture<PreviewFixture>
{
    public static TheoryData<string> Routes => ["/", "/en/", "/en/cities/chengdu/", "/no/such/page", PreviewServer.EventsPath, PreviewServer.ScriptPath, PreviewPages.StylesheetPath];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_foreign_host_gets_421_on_every_route(string route)
    {
        foreach (var host in new[] { "evil.example:{port}", "127.0.0.1.evil.example:{port}", "localhost.evil.example:{port}", "evil.example", "localhost:1", "" })
        {
            var header = host.Replace("{port}", preview.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var response = await Raw.Send(preview.Port, $"GET {route} HTTP/1.1\r\nHost: {header}\r\nConnection: close\r\n\r\n");
            Assert.True(response.Status == 421, $"Host '{header}' {route}: {response.Status}\n{response.Text}");
            Assert.Contains("answers only at localhost", response.Body);
            Assert.DoesNotContain("<html", response.Body);
            Assert.DoesNotContain("event:", response.Body);
        }
    }

    [Fact]
    public async Task A_request_without_host_is_refused()
    {
        // HTTP/1.1 requires Host and the server refuses the request itself; HTTP/1.0 may leave it out, and gets 421.
        var eleven = await Raw.Send(preview.Port, "GET /en/ HTTP/1.1\r\nConnection: close\r\n\r\n");
        Assert.True(eleven.Status is 400 or 421, eleven.Text);
        var ten = await Raw.Send(preview.Port, "GET /en/ HTTP/1.0\r\n\r\n");
        Assert.Equal(421, ten.Status);
        Assert.DoesNotContain("<html", eleven.Body + ten.Body);
    }

    [Theory]
    [InlineData("localhost:{port}")]
    [InlineData("LocalHost:{port}")]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("[::1]:{port}")]
    [InlineData("atlas.localhost:{port}")]
    public async Task The_machine_s_own_names_are_served(string host)
    {
        var header = host.Replace("{port}", preview.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var page = await Raw.Send(preview.Port, $"GET /en/cities/chengdu/ HTTP/1.1\r\nHost: {header}\r\nConnection: close\r\n\r\n");
        Assert.Equal(200, page.Status);
        Assert.Contains("Chengdu body.", page.Body);
    }

    [Theory]
    [InlineData("//en", "/en/")]
    [InlineData("///en", "/en/")]
    [InlineData("//en//cities", "/en/cities/")]
    [InlineData("/en", "/en/")]
    [InlineData("/%2F%2Fen", "/en/")]
    [InlineData("/\\evil.example", null)]
    [InlineData("/%5Cevil.example", null)]
    [InlineData("//evil.example", null)]
    [InlineData("//evil.example/", null)]
    public async Task Redirects_stay_on_this_host(string target, string? location)
    {
        var response = await Raw.Send(preview.Port, $"GET {target} HTTP/1.1\r\nHost: localhost:{preview.Port}\r\nConnection: close\r\n\r\n");
        var sent = response.Header("Location");
        Assert.Equal(location, sent);
        if (sent is not null)
        {
            Assert.Equal(301, response.Status);
            Assert.StartsWith("/", sent);
            Assert.False(sent.StartsWith("//", StringComparison.Ordinal) || sent.StartsWith("/\\", StringComparison.Ordinal), sent);
        }
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7:8080", true)]
    [InlineData("192.0.2.7", "192.0.2.8:8080", false)]
    [InlineData("192.0.2.7", "192.0.2.7:8081", false)]
    [InlineData("192.0.2.7", "192.0.2.7", false)] // port 80 implied
    [InlineData("2001:db8::7", "[2001:db8::7]:8080", true)]
    [InlineData("2001:db8::7", "[2001:db8::8]:8080", false)]
    [InlineData("0.0.0.0", "192.0.2.8:8080", true)] // bound to every address: any literal address of this machine
    [InlineData("0.0.0.0", "evil.example:8080", false)]
    [InlineData("0.0.0.0", "3221225992:8080", false)] // an address in an unusual form is not how a browser writes one
    [InlineData("::", "[2001:db8::8]:8080", true)]
    [InlineData("127.0.0.1", "localhost:8080", true)]
    [InlineData("127.0.0.1", "a-b.c.localhost:8080", true)]
    [InlineData("127.0.0.1", ".localhost:8080", false)]
    [InlineData("127.0.0.1", "a..localhost:8080", false)]
    [InlineData("127.0.0.1", "localhost.:8080", false)]
    [InlineData("127.0.0.1", "localhost:08080x", false)]
    [InlineData("127.0.0.1", "localhost:", false)]
    [InlineData("127.0.0.1", ":8080", false)]
    [InlineData("127.0.0.1", "127.0.0.1.evil.example:8080", false)]
    [InlineData("127.0.0.1", "user@localhost:8080", false)]
    public void The_allow_list_holds_the_localhost_names_and_the_bound_address(string bound, string host, bool allowed)
    {
        Assert.Equal(allowed, PreviewHosts.IsAllowed(host, IPAddress.Parse(bound), 8080));
    }

    [Fact]
    public void Port_80_may_be_left_out()
    {
        Assert.True(PreviewHosts.IsAllowed("localhost", IPAddress.Loopback, 80));
        Assert.True(PreviewHosts.IsAllowed("localhost:80", IPAddress.Loopback, 80));
        Assert.False(PreviewHosts.IsAllowed("localhost", IPAddress.Loopback, 8080));
    }
}

/// <summary>The error page is a route like any other: a foreign host never sees the build's errors.</summary>
public sealed class PreviewErrorPageHostTests
{
    [Fact]
    public async Task The_error_page_is_refused_to_a_foreign_host_and_escapes_control_characters()
    {
        using var site = TestSite.Minimal();
        await using var server = await PreviewServer.StartAsync(new PreviewOptions(site.Directory) { Port = 0 });
        var generation = server.Generation;
        // An unknown field's name is quoted in the error: give it an escape sequence and a right-to-left override.
        site.Write("content/cities/chengdu.yml", File.ReadAllText(Path.Combine(site.Directory, "content/cities/chengdu.yml")) + "x\u001b[31m\u202e: 1\n");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (server.Errors.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(server.Generation > generation && server.Errors.Count > 0, "the broken content did not fail the preview's build");
        var foreign = await Raw.Send(server.Address.Port, $"GET /en/ HTTP/1.1\r\nHost: evil.example:{server.Address.Port}\r\nConnection: close\r\n\r\n");
        Assert.Equal(421, foreign.Status);
        Assert.DoesNotContain("chengdu", foreign.Body);

        var own = await Raw.Send(server.Address.Port, $"GET /en/ HTTP/1.1\r\nHost: localhost:{server.Address.Port}\r\nConnection: close\r\n\r\n");
        Assert.Equal(500, own.Status);
        Assert.Contains("content/cities/chengdu.yml", own.Body);
        Assert.Contains("x\\x1b[31m\\u202e", own.Body);
        Assert.DoesNotContain('\u001b', own.Body);
        Assert.DoesNotContain('\u202e', own.Body);
    }
}

/// <summary>A request written byte for byte and its response as received.</summary>
internal sealed record RawResponse(int Status, string Text)
{
    public string Body => Text.Contains("\r\n\r\n", StringComparison.Ordinal) ? Text[(Text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..] : "";

    public string? Header(string name) =>
        Text.Split("\r\n\r\n")[0].Split("\r\n").Skip(1)
            .Where(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(line => line[(name.Length + 1)..].Trim())
            .FirstOrDefault();
}

internal static class Raw
{
    public static async Task<RawResponse> Send(int port, string request)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
        // The event stream never ends for an allowed host; a refused one is answered and closed.
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // the server closed the connection
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        var status = text.Length >= 12 && int.TryParse(text.AsSpan(9, 3), out var code) ? code : 0;
        return new RawResponse(status, text);
    }
}
