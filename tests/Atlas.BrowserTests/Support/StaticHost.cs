using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Atlas.BrowserTests.Support;

/// <summary>
/// A static host as GitHub Pages is one: the built folder served under a mount path ("/" or "/atlas/"), a folder's
/// index.html at its address, and every missing address, at any depth and outside the mount too, answered with the
/// folder's one /404.html and status 404. Unlike the preview server, it knows nothing of languages or base URLs.
/// </summary>
public sealed class StaticHost : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly WebApplication _app;

    private StaticHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address of the mount: "http://127.0.0.1:port/atlas/".</summary>
    public Uri Address { get; }

    public string Url(string path) => new Uri(Address, path.TrimStart('/')).AbsoluteUri;

    public static async Task<StaticHost> StartAsync(string folder, string mount)
    {
        var root = Path.GetFullPath(folder);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(context => Serve(context, root, mount));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StaticHost(app, new Uri(address.TrimEnd('/') + mount));
    }

    private static async Task Serve(HttpContext context, string root, string mount)
    {
        var path = context.Request.Path.Value ?? "/";
        string? file = null;
        if (path.StartsWith(mount, StringComparison.Ordinal) && !path.Contains("..", StringComparison.Ordinal))
        {
            var relative = Uri.UnescapeDataString(path[mount.Length..]);
            var candidate = Path.GetFullPath(Path.Combine(root, relative.EndsWith('/') || relative.Length == 0 ? relative + "index.html" : relative));
            if (candidate.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(candidate))
            {
                file = candidate;
            }
        }

        if (file is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            file = Path.Combine(root, "404.html");
        }

        context.Response.ContentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        await context.Response.SendFileAsync(file);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
