using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Atlas.Scale;

/// <summary>
/// Rewrites one real entity's files into copy batch k, line by line so the result keeps the real format: names get
/// " k", references (data fields and <c>ref:collection/slug</c> links in Markdown) point into batch k, coordinates move
/// by a small deterministic amount, the featured flag stays on batch 0 and chart series are per batch.
/// </summary>
public sealed partial class EntityCopier(RealAtlas real, ScalePlan plan)
{
    /// <summary>Up to this many degrees in each direction: a few km, still inside the region's base map.</summary>
    private const double Jitter = 0.05;

    public string Data(RealCollection collection, RealEntity entity, int batch)
    {
        if (batch == 0)
        {
            return entity.Data;
        }

        var output = new StringBuilder(entity.Data.Length + 64);
        foreach (var (line, ending) in Lines(entity.Data))
        {
            var match = TopLevelKey().Match(line);
            if (!match.Success)
            {
                output.Append(line).Append(ending);
                continue;
            }

            var key = match.Groups[1].Value;
            var value = match.Groups[2].Value;
            string? rewritten;
            if (key == "name")
            {
                rewritten = SuffixNames(value, batch);
            }
            else if (key == real.FeaturedField)
            {
                rewritten = null; // featured figures are the real ones only
            }
            else if (key == real.SeriesField)
            {
                rewritten = SuffixScalar(value, $"-{batch}");
            }
            else if (collection.Fields.TryGetValue(key, out var field) && field.IsReference)
            {
                rewritten = References(field, value, batch);
            }
            else if (collection.Fields.TryGetValue(key, out field) && field.Type == "coordinates")
            {
                rewritten = Coordinates(value, $"{collection.Name}/{entity.Slug}/{batch}");
            }
            else
            {
                rewritten = value;
            }

            if (rewritten is not null)
            {
                output.Append(key).Append(": ").Append(rewritten).Append(ending);
            }
        }

        return output.ToString();
    }

    /// <summary>Every <c>ref:collection/slug</c> in a Markdown file (links in the body, or anywhere else) points into the batch.</summary>
    public string Markdown(string text, int batch) =>
        batch == 0 ? text : RefLink().Replace(text, m => $"ref:{m.Groups[1].Value}/{plan.Resolve(m.Groups[1].Value, m.Groups[2].Value, batch)}");

    /// <summary><c>{zh: "川渝高竹新区", en: "Gaozhu New Area"}</c> → <c>{zh: "川渝高竹新区 12", en: "Gaozhu New Area 12"}</c>.</summary>
    private static string SuffixNames(string value, int batch)
    {
        if (!value.StartsWith('{'))
        {
            return SuffixScalar(value, $" {batch}");
        }

        var result = FlowEntry().Replace(value, m => $"{m.Groups[1].Value}: {SuffixScalar(m.Groups[2].Value.TrimEnd(), $" {batch}")}");
        return result;
    }

    private static string SuffixScalar(string value, string suffix)
    {
        var trimmed = value.Trim();
        if (trimmed.Length >= 2 && trimmed[0] is '"' or '\'' && trimmed[^1] == trimmed[0])
        {
            return trimmed[..^1] + suffix + trimmed[^1];
        }

        return trimmed + suffix;
    }

    private string References(FieldInfo field, string value, int batch)
    {
        var trimmed = value.Trim();
        var isList = trimmed.StartsWith('[') && trimmed.EndsWith(']');
        var items = (isList ? trimmed[1..^1] : trimmed).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var rewritten = items.Select(item =>
        {
            var quote = item.Length >= 2 && item[0] is '"' or '\'' ? item[0].ToString() : "";
            var bare = quote.Length > 0 ? item[1..^1] : item;
            string result;
            if (field.IsQualified)
            {
                var slash = bare.IndexOf('/');
                result = slash < 0 ? bare : $"{bare[..slash]}/{plan.Resolve(bare[..slash], bare[(slash + 1)..], batch)}";
            }
            else
            {
                result = plan.Resolve(field.To[0], bare, batch);
            }

            return quote + result + quote;
        });
        return isList ? $"[{string.Join(", ", rewritten)}]" : rewritten.Single();
    }

    /// <summary>Moves [lon, lat] by up to <see cref="Jitter"/> degrees, keeping the number of decimals and the range.</summary>
    private static string Coordinates(string value, string seed)
    {
        var trimmed = value.Trim();
        var parts = trimmed.TrimStart('[').TrimEnd(']').Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) ||
            !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat))
        {
            return value;
        }

        var decimals = Math.Max(Decimals(parts[0]), Decimals(parts[1]));
        lon = Math.Clamp(Math.Round(lon + Offset(seed + "/lon"), decimals), -180, 180);
        lat = Math.Clamp(Math.Round(lat + Offset(seed + "/lat"), decimals), -90, 90);
        var format = "0." + new string('#', Math.Max(decimals, 1));
        return $"[{lon.ToString(format, CultureInfo.InvariantCulture)}, {lat.ToString(format, CultureInfo.InvariantCulture)}]";
    }

    private static int Decimals(string number) => number.IndexOf('.') is var dot and >= 0 ? number.Length - dot - 1 : 0;

    /// <summary>A deterministic offset in [-Jitter, Jitter] (FNV-1a: string.GetHashCode is randomised per process).</summary>
    private static double Offset(string seed)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(seed))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return ((hash % 2001) / 1000.0 - 1.0) * Jitter;
    }

    /// <summary>The lines of a text with their own line endings, so that copies keep the bytes of the original.</summary>
    internal static IEnumerable<(string Line, string Ending)> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                yield return (text[start..], "");
                yield break;
            }

            var cr = end > start && text[end - 1] == '\r';
            yield return (text[start..(cr ? end - 1 : end)], cr ? "\r\n" : "\n");
            start = end + 1;
        }
    }

    [GeneratedRegex(@"^([a-z_][a-z0-9_]*):\s*(.*)$")]
    private static partial Regex TopLevelKey();

    [GeneratedRegex(@"([A-Za-z-]+):\s*(""(?:[^""\\]|\\.)*""|'(?:[^']|'')*'|[^,}]+)")]
    private static partial Regex FlowEntry();

    [GeneratedRegex(@"ref:([a-z0-9-]+)/([a-z0-9-]+)")]
    private static partial Regex RefLink();
}
