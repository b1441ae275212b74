using System.Security.Cryptography;
using Atlas.Building;

namespace Atlas.Tests.Support;

/// <summary>
/// A site in a temporary folder, written from one multi-file string in the style of Hugo's integration tests:
/// <code>
/// -- site.yml --
/// ...
/// -- content/parks/gaozhu.yml --
/// ...
/// </code>
/// Files given later replace earlier ones, so a test can start from <see cref="MinimalSite"/> and override a file.
/// </summary>
public sealed class TestSite : IDisposable
{
    public TestSite(params string[] archives)
    {
        Directory = Path.Combine(Path.GetTempPath(), "atlas-tests", Guid.NewGuid().ToString("N")[..12], "site");
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var archive in archives)
        {
            foreach (var (path, content) in Parse(archive))
            {
                Write(path, content);
            }
        }
    }

    public string Directory { get; }

    public string Output => Path.Combine(Directory, "public");

    public static TestSite Minimal(params string[] overrides) => new([MinimalSite.Files, .. overrides]);

    public void Write(string path, string content)
    {
        var full = Path.Combine(Directory, path);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void WriteBytes(string path, byte[] content)
    {
        var full = Path.Combine(Directory, path);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }

    public void Delete(string path) => File.Delete(Path.Combine(Directory, path));

    public string Read(string outputPath) => File.ReadAllText(Path.Combine(Output, outputPath));

    public bool Exists(string outputPath) => File.Exists(Path.Combine(Output, outputPath));

    public BuildResult Build(string? output = null, bool strict = false, bool force = false) =>
        SiteBuilder.Build(new BuildOptions(Directory)
        {
            OutputDirectory = output,
            Strict = strict,
            Force = force,
            HomeDirectory = "/nonexistent-home-for-tests",
        });

    /// <summary>Builds and fails the test with the diagnostics if the build did not succeed.</summary>
    public BuildResult BuildOk(string? output = null)
    {
        var result = Build(output);
        Assert.True(result.Succeeded, "build failed:\n" + string.Join("\n", result.Diagnostics));
        return result;
    }

    /// <summary>Every file under a folder with its SHA-256, to compare trees byte for byte.</summary>
    public static SortedDictionary<string, string> Snapshot(string folder)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!System.IO.Directory.Exists(folder))
        {
            return result;
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            result[Path.GetRelativePath(folder, file).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return result;
    }

    public static IEnumerable<(string Path, string Content)> Parse(string archive)
    {
        string? path = null;
        var content = new System.Text.StringBuilder();
        foreach (var line in archive.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal) && line.Length > 6)
            {
                if (path is not null)
                {
                    yield return (path, content.ToString());
                }

                path = line[3..^3].Trim();
                content.Clear();
                continue;
            }

            if (path is not null)
            {
                content.Append(line).Append('\n');
            }
        }

        if (path is not null)
        {
            yield return (path, content.ToString().TrimEnd('\n') + "\n");
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(Directory)!, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
