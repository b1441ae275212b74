using System.CommandLine;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Editing;
using Atlas.Model.Fields;

namespace Atlas.Cli;

/// <summary><c>atlas new &lt;collection&gt; &lt;slug&gt;</c>: scaffolds an entity's files.</summary>
public static class NewCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var site = CommonOptions.Site();
        var collection = new Argument<string>("collection") { Description = "The collection, as declared in site.yml (e.g. parks)." };
        var slug = new Argument<string>("slug") { Description = "The new entity's slug: lowercase letters, digits, hyphens." };
        var command = new Command("new", "Create the files of a new entity: <slug>.yml and one <slug>.<lang>.md per language.")
        {
            site, collection, slug,
        };

        command.SetAction(parse =>
        {
            var siteDirectory = parse.GetValue(site)!;
            var diagnostics = new DiagnosticBag();
            var config = SiteConfigLoader.Load(siteDirectory, FieldTypes.Catalog, diagnostics);
            var files = config is null ? null : EntityScaffolder.Create(config, parse.GetValue(collection)!, parse.GetValue(slug)!, diagnostics);
            if (files is null)
            {
                DiagnosticPrinter.Print(diagnostics.ToSortedList(), siteDirectory, stderr);
                return AtlasCommand.ContentErrors;
            }

            foreach (var file in files)
            {
                stdout.WriteLine($"created {file}");
            }

            stdout.WriteLine("Fill in the fields marked required and the summaries, then run 'atlas build' or 'atlas serve'.");
            return AtlasCommand.Ok;
        });

        return command;
    }
}
