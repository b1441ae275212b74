using System.Diagnostics;
using Atlas.Scale;

// atlas-scale: multiplies the real atlas into a synthetic site of N entities, in the atlas format (--out) and/or
// as an equivalent Hugo site (--hugo). Deterministic: the same site and N give the same bytes.
//
//   dotnet run --project tests/Atlas.Scale -c Release -- --site /work/main --entities 10000 --out DIR [--hugo DIR]
const string Usage = "usage: atlas-scale --site DIR --entities N [--out DIR] [--hugo DIR]\n" +
                     "  --site DIR      the real atlas (site.yml, templates/, content/)\n" +
                     "  --entities N    how many entities to write (at least as many as the real atlas has; 'real': as many)\n" +
                     "  --out DIR       write the atlas site (site.yml, templates/, content/) there\n" +
                     "  --hugo DIR      write the equivalent Hugo site there\n" +
                     "A target folder must be missing, empty, or a folder this tool wrote before (it is then replaced).";

string? site = null, output = null, hugo = null;
int? entities = null;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value");
    try
    {
        switch (args[i])
        {
            case "--site": site = Next(); break;
            case "--out": output = Next(); break;
            case "--hugo": hugo = Next(); break;
            case "--entities":
                var text = Next().Replace("_", "").Replace(",", "");
                // 'real' (0 here): the real atlas's own size, batch 0 only (the Hugo equivalent of the shipped atlas).
                entities = text == "real" ? 0 : int.TryParse(text, out var n) && n > 0 ? n : throw new UsageException($"--entities: '{text}' is not a positive number or 'real'");
                break;
            case "-h" or "--help":
                Console.WriteLine(Usage);
                return 0;
            default:
                throw new UsageException($"unknown argument '{args[i]}'");
        }
    }
    catch (UsageException e)
    {
        Console.Error.WriteLine($"atlas-scale: {e.Message}\n{Usage}");
        return 2;
    }
}

if (site is null || entities is null || (output is null && hugo is null))
{
    Console.Error.WriteLine($"atlas-scale: --site, --entities and one of --out/--hugo are required\n{Usage}");
    return 2;
}

try
{
    var clock = Stopwatch.StartNew();
    var real = RealAtlas.Load(site);
    var plan = new ScalePlan(real, entities.Value == 0 ? real.EntityCount : entities.Value);
    if (output is not null)
    {
        var files = AtlasSiteWriter.Write(real, plan, output);
        Console.WriteLine($"atlas site: {plan.Total} entities ({plan.Describe()}), {files} files in {output}");
    }

    if (hugo is not null)
    {
        var files = HugoSiteWriter.Write(real, plan, hugo);
        Console.WriteLine($"hugo site: {plan.Total} entities x {real.Languages.Length} languages, {files} files in {hugo}");
    }

    Console.WriteLine($"generated in {clock.ElapsedMilliseconds} ms");
    return 0;
}
catch (ScaleException e)
{
    Console.Error.WriteLine($"atlas-scale: {e.Message}");
    return 1;
}

internal sealed class UsageException(string message) : Exception(message);
