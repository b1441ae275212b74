using System.CommandLine;
using System.Globalization;
using System.Net;
using Atlas.Diagnostics;
using Atlas.Preview;

namespace Atlas.Cli;

/// <summary><c>atlas serve</c>: the preview server, until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var site = CommonOptions.Site();
        var port = CommonOptions.Port(8080);
        var bind = new Option<string>("--bind")
        {
            Description = "Address to listen on (127.0.0.1: the preview is for this machine only).",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var drafts = new Option<bool>("--drafts") { Description = "Include entities marked draft: true." };
        var timings = new Option<bool>("--timings") { Description = "After each rebuild, print how long each stage took." };
        var timeout = CommonOptions.Timeout();
        var open = new Option<bool>("--open") { Description = "Open the preview in the default browser (xdg-open, open or start)." };
        var poll = new Option<bool>("--poll")
        {
            Description = string.Create(CultureInfo.InvariantCulture,
                $"Look for changed files every {PreviewOptions.DefaultPollInterval.TotalSeconds:0} s instead of waiting for the file system's notifications, which network drives, containers' and WSL's mounts may not send (used anyway when notifications cannot start)."),
        };
        var command = new Command("serve", "Preview the site on this machine; rebuilds what a change affects and reloads the open page.")
        {
            site, port, bind, drafts, timings, timeout, open, poll,
        };

        command.SetAction(async (parse, cancellation) =>
        {
            if (!IPAddress.TryParse(parse.GetValue(bind), out var address))
            {
                stderr.WriteLine($"atlas: error: --bind '{parse.GetValue(bind)}' is not an IP address.");
                return AtlasCommand.UsageError;
            }

            var siteDirectory = Path.GetFullPath(parse.GetValue(site)!);
            if (!File.Exists(Path.Combine(siteDirectory, "site.yml")))
            {
                stderr.WriteLine($"atlas: error: no site.yml in {siteDirectory}; run in the site folder or pass --site DIR.");
                return AtlasCommand.ContentErrors;
            }

            var options = new PreviewOptions(siteDirectory)
            {
                Address = address, Port = parse.GetValue(port), Drafts = parse.GetValue(drafts), Timeout = CommonOptions.Seconds(parse.GetValue(timeout)),
                Poll = parse.GetValue(poll) ? PreviewOptions.DefaultPollInterval : null,
                // The address at once: a large site's first build takes a while, and the page says "building…" meanwhile.
                Listening = uri => stdout.WriteLine($"building {siteDirectory}; the preview will be at {uri}"),
                CutShort = files => CutShort(files, stdout),
            };
            PreviewServer server;
            try
            {
                server = await PreviewServer.StartAsync(options, report => Report(report, siteDirectory, parse.GetValue(timings), stdout, stderr), cancellation);
            }
            catch (OperationCanceledException)
            {
                stdout.WriteLine("stopped"); // Ctrl+C during the first build
                return AtlasCommand.Ok;
            }
            catch (IOException e)
            {
                stderr.WriteLine($"atlas: error: cannot listen on {address}:{options.Port} ({e.Message.TrimEnd('.')}); choose another --port.");
                return AtlasCommand.UsageError; // the port the user chose (or the default) is taken: choose another
            }

            await using (server)
            {
                stdout.WriteLine($"serving {siteDirectory} at {server.Address} (Ctrl+C to stop)");
                if (server.PollingBecause is { } because)
                {
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"watching for changes by looking every {server.PollInterval.TotalSeconds:0.#} s: {because}."));
                }

                if (parse.GetValue(open) && BrowserLauncher.Open(server.Address) is { } notOpened)
                {
                    stderr.WriteLine("atlas: warning: " + notOpened);
                }

                try
                {
                    await Task.Delay(Timeout.Infinite, cancellation);
                }
                catch (OperationCanceledException)
                {
                    stdout.WriteLine("stopped");
                }
            }

            return AtlasCommand.Ok;
        });

        return command;
    }

    private static void CutShort(IReadOnlyList<string>? files, TextWriter stdout)
    {
        var what = VisibleText.Escape(files is null or { Count: 0 } ? "changes" : string.Join(", ", files.Take(3)) + (files.Count > 3 ? ", ..." : ""));
        lock (stdout)
        {
            stdout.WriteLine($"{what}: pages written; a newer save stopped the rest of this rebuild, the next one makes both");
        }
    }

    private static void Report(RebuildReport report, string siteDirectory, bool timings, TextWriter stdout, TextWriter stderr)
    {
        var result = report.Result;
        // The changed files' names are anyone's: printed with their control characters escaped.
        var what = VisibleText.Escape(report.ChangedFiles.Count == 0 ? "initial build" : string.Join(", ", report.ChangedFiles.Take(3)) + (report.ChangedFiles.Count > 3 ? ", ..." : ""));
        lock (stdout)
        {
            if (result.Succeeded)
            {
                var shown = report.ReloadedAfter is { } after ? string.Create(CultureInfo.InvariantCulture, $" (pages reloaded after {after.TotalMilliseconds:0} ms{(report.Build.FirstLookPages > 0 ? $", first the edited entity's {report.Build.FirstLookPages}" : "")})") : "";
                // How long the edit waited before its rebuild started (settle time, or a rebuild still running): with
                // the reload time above, the server's share of the time from a save to the page that shows it.
                var waited = report.StartedAfterChange is { } wait ? string.Create(CultureInfo.InvariantCulture, $", started {wait.TotalMilliseconds:0} ms after the change") : "";
                var superseded = report.Superseded > 0
                    ? $"; a newer save cut the previous {(report.Superseded == 1 ? "rebuild" : $"{report.Superseded} rebuilds")} short after the pages were written"
                    : "";
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{what}: rendered {result.PagesRendered} of {result.PageCount} pages in {result.Elapsed.TotalMilliseconds:0} ms{shown}{waited}{superseded}"));
                if (timings)
                {
                    TimingsPrinter.Print(result, stdout);
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.GcPauses.TotalMilliseconds,8:0} ms  of it paused by the garbage collector"));
                }
            }
            else
            {
                DiagnosticPrinter.Print(result.Diagnostics, siteDirectory, stderr);
                stderr.WriteLine($"{what}: build failed ({BuildCommand.Plural(result.ErrorCount, "error")}); the browser shows them until they are fixed");
            }
        }
    }
}
