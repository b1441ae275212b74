using Atlas.Building;
using Atlas.CrashHost;

// Usage: Atlas.CrashHost <site folder> <point>. Builds the site into its public/ folder like `atlas build`, through a
// file system that stops at <point> (see PausingOutputFileSystem); the test kills it there.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Atlas.CrashHost <site folder> <writing|before-swap|between-renames>");
    return 2;
}

var site = Path.GetFullPath(args[0]);
var output = Path.Combine(site, "public");
var result = SiteBuilder.Build(new BuildOptions(site) { OutputFiles = new PausingOutputFileSystem(output, args[1]) });
return result.Succeeded ? 0 : 1;
