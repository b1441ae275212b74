using System.Diagnostics;

namespace Atlas.Cli;

/// <summary><c>atlas serve --open</c>: opens the preview in the default browser, the way each system does it.</summary>
public static class BrowserLauncher
{
    public enum Platform
    {
        Linux,
        MacOs,
        Windows,
    }

    public static Platform Current =>
        OperatingSystem.IsWindows() ? Platform.Windows : OperatingSystem.IsMacOS() ? Platform.MacOs : Platform.Linux;

    /// <summary>The program and arguments that open <paramref name="url"/>: xdg-open (Linux, BSD), open (macOS), start (Windows).</summary>
    public static ProcessStartInfo Command(Uri url, Platform platform)
    {
        var start = platform switch
        {
            Platform.MacOs => new ProcessStartInfo("open"),
            // start is a command of cmd, not a program; its first quoted argument is a window title, hence the "".
            Platform.Windows => new ProcessStartInfo("cmd") { ArgumentList = { "/c", "start", "\"\"" } },
            _ => new ProcessStartInfo("xdg-open"),
        };
        start.ArgumentList.Add(url.AbsoluteUri);
        start.UseShellExecute = false;
        return start;
    }

    /// <summary>Opens <paramref name="url"/>; null on success, else a sentence saying what to do instead.</summary>
    public static string? Open(Uri url)
    {
        var start = Command(url, Current);
        try
        {
            using var process = Process.Start(start);
            return null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"could not open a browser ({start.FileName}: {e.Message.TrimEnd('.')}); open {url} yourself.";
        }
    }
}
