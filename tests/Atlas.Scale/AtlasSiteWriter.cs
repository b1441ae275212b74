using System.Text;

namespace Atlas.Scale;

/// <summary>Writes the synthetic atlas: site.yml and templates/ copied, content/ multiplied per the plan.</summary>
public static class AtlasSiteWriter
{
    public static int Write(RealAtlas real, ScalePlan plan, string directory)
    {
        directory = OutputFolder.Prepare(directory, $"atlas site, {plan.Total} entities");
        var files = 0;
        File.Copy(Path.Combine(real.Directory, "site.yml"), Path.Combine(directory, "site.yml"));
        files++;
        files += OutputFolder.CopyTree(Path.Combine(real.Directory, "templates"), Path.Combine(directory, "templates"));

        var copier = new EntityCopier(real, plan);
        foreach (var collection in real.Collections)
        {
            var folder = Path.Combine(directory, "content", collection.Name);
            Directory.CreateDirectory(folder);
            var count = plan.Count(collection.Name);
            Parallel.For(0, count, copy =>
            {
                var entity = ScalePlan.Original(collection, copy);
                var batch = ScalePlan.Batch(collection, copy);
                var slug = ScalePlan.Slug(collection, copy);
                OutputFolder.WriteText(Path.Combine(folder, slug + ".yml"), copier.Data(collection, entity, batch));
                foreach (var (language, text) in entity.Documents)
                {
                    OutputFolder.WriteText(Path.Combine(folder, $"{slug}.{language}.md"), copier.Markdown(text, batch));
                }
            });
            files += collection.Entities.Sum(e => 1 + e.Documents.Count) * (count / collection.Entities.Length) +
                     collection.Entities.Take(count % collection.Entities.Length).Sum(e => 1 + e.Documents.Count);
        }

        return files;
    }
}

/// <summary>Target folders: created, or replaced only when this tool wrote them (a marker file says so).</summary>
public static class OutputFolder
{
    public const string Marker = ".atlas-scale";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string Prepare(string directory, string description)
    {
        directory = Path.GetFullPath(directory);
        if (Directory.Exists(directory))
        {
            var entries = Directory.EnumerateFileSystemEntries(directory).ToList();
            if (entries.Count > 0 && !File.Exists(Path.Combine(directory, Marker)))
            {
                throw new ScaleException($"{directory} is not empty and was not written by atlas-scale; choose another folder");
            }

            foreach (var entry in entries)
            {
                if (Directory.Exists(entry) && !File.GetAttributes(entry).HasFlag(FileAttributes.ReparsePoint))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
        }

        Directory.CreateDirectory(directory);
        WriteText(Path.Combine(directory, Marker), $"written by tests/Atlas.Scale: {description}\n");
        return directory;
    }

    public static void WriteText(string path, string text) => File.WriteAllText(path, text, Utf8);

    public static int CopyTree(string from, string to)
    {
        var count = 0;
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from).Order(StringComparer.Ordinal))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            count++;
        }

        foreach (var child in Directory.GetDirectories(from).Order(StringComparer.Ordinal))
        {
            count += CopyTree(child, Path.Combine(to, Path.GetFileName(child)));
        }

        return count;
    }
}
