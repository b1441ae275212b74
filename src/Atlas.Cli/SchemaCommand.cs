using System.CommandLine;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Editing;
using Atlas.Model.Fields;

namespace Atlas.Cli;

/// <summary><c>atlas schema</c>: writes a JSON Schema per collection for editors' YAML tooling.</summary>
public static class SchemaCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var site = CommonOptions.Site();
        var command = new Command("schema", $"Write a JSON Schema per collection into {EntityScaffolder.SchemaFolder}/ (used by the yaml-language-server line of new files).")
        {
            site,
        };

        command.SetAction(parse =>
        {
            var siteDirectory = parse.GetValue(site)!;
            var diagnostics = new DiagnosticBag();
            var config = SiteConfigLoader.Load(siteDirectory, FieldTypes.Catalog, diagnostics);
            if (config is null)
            {
                DiagnosticPrinter.Print(diagnostics.ToSortedList(), siteDirectory, stderr);
                return AtlasCommand.ContentErrors;
            }

            var written = SchemaWriter.Write(config, diagnostics);
            if (diagnostics.HasErrors)
            {
                DiagnosticPrinter.Print(diagnostics.ToSortedList(), siteDirectory, stderr);
                return AtlasCommand.ContentErrors;
            }

            foreach (var file in written)
            {
                stdout.WriteLine($"wrote {file}");
            }

            return AtlasCommand.Ok;
        });

        return command;
    }
}
