using System.Collections.Immutable;
using System.Globalization;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Config;

/// <summary>
/// One entry of the corrections log (site.yml <c>corrections:</c>): a published error of fact that was corrected,
/// when (<paramref name="Date"/>, YYYY-MM-DD) and what, in every language. The about page lists them, newest first.
/// </summary>
public sealed record CorrectionConfig(string Date, LocalizedText What, SourceLocation Location);

/// <summary>Reads site.yml <c>corrections:</c>, a list of <c>{date: YYYY-MM-DD, what: {zh: …, en: …}}</c>.</summary>
internal static class CorrectionsLoader
{
    public const string Key = "corrections";

    public static ImmutableArray<CorrectionConfig> Load(MappingReader site, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        if (site.Node<YamlNode>(Key, required: false) is not { } node)
        {
            return [];
        }

        if (node is not YamlSequence list)
        {
            diagnostics.Error(node.Location, "corrections must be a list of {date: YYYY-MM-DD, what: {zh: ..., en: ...}}, one entry per corrected error.");
            return [];
        }

        var corrections = ImmutableArray.CreateBuilder<CorrectionConfig>();
        foreach (var item in list.Items)
        {
            if (item is not YamlMapping entry)
            {
                diagnostics.Error(item.Location, "a correction must be a mapping {date: YYYY-MM-DD, what: {zh: ..., en: ...}}.");
                continue;
            }

            var reader = new MappingReader(entry, "correction", diagnostics);
            reader.RejectUnknownKeys("date", "what");
            var date = reader.String("date", required: true);
            if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                diagnostics.Error(entry["date"]!.Location, $"a correction's date must be the day it was made, as YYYY-MM-DD, not '{date}'.");
                date = null;
            }

            var what = SiteConfigLoader.ParseLocalized(reader.Node<YamlNode>("what", required: true), "correction.what", languages, diagnostics);
            if (date is not null && what.Values.Count > 0)
            {
                corrections.Add(new CorrectionConfig(date, what, entry.Location));
            }
        }

        return corrections.ToImmutable();
    }
}
