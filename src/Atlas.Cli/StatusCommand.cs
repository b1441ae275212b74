using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Atlas.Diagnostics;
using Atlas.Editing;
using Atlas.Loading;

namespace Atlas.Cli;

/// <summary><c>atlas status</c>: translation coverage, entities without sources and stale translations.</summary>
public static class StatusCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var site = CommonOptions.Site();
        var json = new Option<bool>("--json") { Description = "Print JSON for machines instead of a table." };
        var command = new Command("status", "Show translation coverage per collection and language, entities without sources and stale translations.")
        {
            site, json,
        };

        command.SetAction(parse =>
        {
            var siteDirectory = parse.GetValue(site)!;
            var diagnostics = new DiagnosticBag();
            var loaded = SiteLoader.Load(new LoadOptions(siteDirectory) { Drafts = true }, diagnostics);
            if (loaded is null)
            {
                DiagnosticPrinter.Print(diagnostics.ToSortedList(), siteDirectory, stderr);
                stderr.WriteLine("status needs content that loads; fix the errors above first.");
                return AtlasCommand.ContentErrors;
            }

            var status = TranslationStatus.Compute(loaded.Model, loaded.History, loaded.GitDates.NotComparableBecause); // the Git dates loading read
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(status, new JsonSerializerOptions
                {
                    WriteIndented = true,
                    PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                    Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                }));
                return AtlasCommand.Ok;
            }

            var languages = loaded.Config.Languages.Select(l => l.Code).ToList();
            var width = Math.Max(10, status.Collections.Max(c => c.Collection.Length));
            stdout.WriteLine($"{"collection".PadRight(width)}  {"entities",8}  {string.Join("  ", languages.Select(l => l.PadLeft(8)))}");
            foreach (var row in status.Collections)
            {
                stdout.WriteLine($"{row.Collection.PadRight(width)}  {row.Entities,8}  {string.Join("  ", languages.Select(l => $"{row.Translated[l]}/{row.Entities}".PadLeft(8)))}");
            }

            stdout.WriteLine();
            stdout.WriteLine($"without sources: {status.WithoutSources.Length}");
            foreach (var entity in status.WithoutSources)
            {
                stdout.WriteLine("  " + entity);
            }

            if (status.StaleTranslations is not { } staleTranslations)
            {
                stdout.WriteLine(VisibleText.Escape($"stale translations: cannot tell: {status.StaleTranslationsUnknown}"));
                return AtlasCommand.Ok;
            }

            stdout.WriteLine($"stale translations (the {loaded.Config.DefaultLanguage} text changed later): {staleTranslations.Length}");
            foreach (var stale in staleTranslations)
            {
                stdout.WriteLine($"  {stale.Entity} [{stale.Language}]: {loaded.Config.DefaultLanguage} {stale.DefaultChanged}, {stale.Language} {stale.TranslationChanged}");
            }

            return AtlasCommand.Ok;
        });

        return command;
    }
}
