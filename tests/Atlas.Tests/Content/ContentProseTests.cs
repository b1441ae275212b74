using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Atlas.Diagnostics;
using Atlas.Loading;
using Atlas.Localization;
using Atlas.Model;
using Atlas.Tests.Support;
using Xunit.Abstractions;

namespace Atlas.Tests.Content;

/// <summary>
/// Issue 20, over the shipped atlas: one terminology (the glossary's alternatives never in English prose or names),
/// citations generated (no hand-typed label), gaps stated once (at most one caveat sentence per page, and no gap
/// repeated in the prose), and a Chinese gloss at most once per English page. Each failure lists every offender as
/// <c>path:line</c>, the count first.
/// </summary>
public sealed partial class ContentProseTests(ITestOutputHelper output)
{
    private static readonly Lazy<LoadedSite> Site = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteLoader.Load(new LoadOptions(Repository.Root), diagnostics);
        Assert.True(site is not null, string.Join("\n", diagnostics.ToSortedList()));
        return site!;
    });

    private static string ContentFolder => Path.Combine(Repository.Root, "content");

    [Fact]
    public void No_English_prose_or_name_uses_a_form_the_glossary_replaces()
    {
        var site = Site.Value;
        var terms = site.Model.Entities.Where(e => e.Collection.Name == "glossary").ToList();
        Assert.True(terms.Count >= 9, $"only {terms.Count} glossary entries: the glossary is content/glossary/");
        var rules = new List<(Regex Pattern, string Alternative, string Preferred, string Entry)>();
        foreach (var term in terms)
        {
            var alternatives = Assert.IsType<TextsValue>(term.Field("replaces")).Values;
            var ignoreCase = term.Field("ignore_case") is BooleanValue { Value: true };
            foreach (var alternative in alternatives)
            {
                rules.Add((new Regex($@"(?<![\p{{L}}\p{{N}}_]){Regex.Escape(alternative)}(?![\p{{L}}\p{{N}}_])",
                    ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None), alternative, term.Name["en"], term.Id.ToString()));
            }
        }

        var problems = new List<string>();
        foreach (var (path, lineNumber, text) in EnglishTexts())
        {
            foreach (var (pattern, alternative, preferred, entry) in rules)
            {
                foreach (Match _ in pattern.Matches(text))
                {
                    problems.Add($"{path}:{lineNumber}: '{alternative}': write '{preferred}' ({entry})");
                }
            }
        }

        Report(problems, "glossary alternatives in English prose and names");
    }

    [Fact]
    public void No_citation_label_is_typed_in_prose()
    {
        var site = Site.Value;
        var sources = site.Model.Entities.Where(e => ProseLabels.IsCitable(e.Collection)).ToList();
        Assert.True(sources.Count >= 5, $"{sources.Count} citable sources");
        var forbidden = new List<(string Language, string Text)>();
        var dateEnds = new List<(string Language, Regex Pattern)>();
        foreach (var language in site.Config.Languages.Select(l => l.Code))
        {
            var formatter = new Formatter(site.Bundles[language]);
            var separator = site.Bundles[language].Get("citation.before_date")!;
            var dates = sources.Select(s => formatter.Date(((DateValue)s.Field(ProseLabels.DateField)!).Date)).Distinct().ToList();
            var shorts = sources.Select(s => ((LocalizedValue)s.Field(ProseLabels.ShortField)!).Text[language]).Distinct().ToList();
            // Every label the engine makes, and every short label with any source's date.
            forbidden.AddRange(shorts.SelectMany(s => dates.Select(d => (language, s + separator + d))));
            // Any label-like text typed in brackets: "(…, March 2021)", "（……，2021年3月）".
            dateEnds.AddRange(dates.Select(d => (language, new Regex($@"{Regex.Escape(separator.Trim())}\s*{Regex.Escape(d)}\s*[)）\]]"))));
        }

        Assert.True(forbidden.Count >= 20, $"only {forbidden.Count} labels made from the sources' data");
        var problems = new List<string>();
        foreach (var (path, language, lineNumber, text) in MarkdownLines())
        {
            foreach (var (_, label) in forbidden.Where(f => f.Language == language && text.Contains(f.Text, StringComparison.Ordinal)))
            {
                problems.Add($"{path}:{lineNumber}: typed citation label '{label}'; write [](ref:sources/<slug>)");
            }

            if (!forbidden.Any(f => f.Language == language && text.Contains(f.Text, StringComparison.Ordinal)))
            {
                foreach (var (_, pattern) in dateEnds.Where(d => d.Language == language))
                {
                    if (pattern.Match(text) is { Success: true } match)
                    {
                        problems.Add($"{path}:{lineNumber}: a label-like citation typed by hand ('…{match.Value}'); write [](ref:sources/<slug>)");
                    }
                }
            }

            foreach (Match same in SameSource().Matches(text))
            {
                problems.Add($"{path}:{lineNumber}: '{same.Value}': repeat the citation [](ref:sources/<slug>) instead");
            }
        }

        Report(problems, "hand-typed citation labels");
    }

    [Fact]
    public void A_page_keeps_at_most_one_caveat_sentence_and_never_repeats_a_gap()
    {
        var site = Site.Value;
        var problems = new List<string>();
        foreach (var (path, language, lines) in MarkdownFiles())
        {
            var caveats = new List<(int Line, string Sentence)>();
            foreach (var (lineNumber, text) in lines)
            {
                foreach (var sentence in Sentences().Split(text).Where(s => (language == "zh" ? ChineseCaveat() : EnglishCaveat()).IsMatch(s)))
                {
                    caveats.Add((lineNumber, sentence.Trim()));
                }
            }

            if (caveats.Count > 1)
            {
                problems.Add($"{path}:{caveats[1].Line}: {caveats.Count} caveat sentences (at most one; move the others to gaps:), lines " +
                    string.Join(", ", caveats.Select(c => c.Line)) + $": “{Shorten(caveats[1].Sentence)}”");
            }
        }

        foreach (var entity in site.Model.Entities)
        {
            foreach (var text in entity.Texts.Values.Where(t => !t.IsFallback))
            {
                foreach (var gap in text.Gaps)
                {
                    var core = gap.TrimEnd('。', '.', '；', ';', ' ');
                    if (core.Length >= 6 && text.PlainText.Contains(core, StringComparison.Ordinal))
                    {
                        problems.Add($"{text.SourcePath}:1: the gap “{Shorten(gap)}” is repeated in the prose; the page shows it once, in its box");
                    }
                }
            }
        }

        Report(problems, "pages with more than one caveat sentence, or a gap repeated in the prose");
    }

    [Fact]
    public void An_English_page_glosses_a_Chinese_term_at_most_once()
    {
        var problems = new List<string>();
        var glosses = 0;
        foreach (var (path, language, lines) in MarkdownFiles().Where(f => f.Language == "en"))
        {
            var seen = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var (lineNumber, text) in lines)
            {
                foreach (Match parenthesis in Parenthesised().Matches(text))
                {
                    foreach (Match han in HanRun().Matches(parenthesis.Value))
                    {
                        (seen.TryGetValue(han.Value, out var at) ? at : seen[han.Value] = []).Add(lineNumber);
                        glosses++;
                    }
                }
            }

            foreach (var (gloss, at) in seen.Where(p => p.Value.Count > 1).OrderBy(p => p.Value[1]))
            {
                problems.Add($"{path}:{at[1]}: the gloss ({gloss}) appears {at.Count} times (lines {string.Join(", ", at)}); gloss it on first use only");
            }
        }

        Assert.True(glosses > 100, $"{glosses} Chinese glosses found on English pages: the pattern no longer finds them");
        Report(problems, "repeated Chinese glosses on English pages");
    }

    private void Report(List<string> problems, string what)
    {
        output.WriteLine($"{problems.Count} {what}");
        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        Assert.True(problems.Count == 0, $"{problems.Count} {what}:\n" + string.Join("\n", problems));
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static string Relative(string path) => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');

    /// <summary>Every content Markdown file but the glossary's: its language and its lines, the front matter's gaps: left out.</summary>
    private static IEnumerable<(string Path, string Language, List<(int Line, string Text)> Lines)> MarkdownFiles()
    {
        foreach (var file in Directory.EnumerateFiles(ContentFolder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var path = Relative(file);
            if (path.StartsWith("content/glossary/", StringComparison.Ordinal))
            {
                continue;
            }

            var language = Path.GetExtension(Path.GetFileNameWithoutExtension(file)).TrimStart('.');
            yield return (path, language, WithoutGaps(File.ReadAllLines(file)));
        }
    }

    private static IEnumerable<(string Path, string Language, int Line, string Text)> MarkdownLines() =>
        MarkdownFiles().SelectMany(f => f.Lines.Select(l => (f.Path, f.Language, l.Line, l.Text)));

    /// <summary>The lines of a Markdown file, without the list under gaps: in its front matter (what the gaps say is the point there).</summary>
    private static List<(int Line, string Text)> WithoutGaps(string[] lines)
    {
        var result = new List<(int, string)>();
        var inFrontMatter = lines.Length > 0 && lines[0] == "---";
        var inGaps = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (inFrontMatter && i > 0 && line.TrimEnd() is "---" or "...")
            {
                inFrontMatter = false;
                inGaps = false;
            }
            else if (inFrontMatter && line.Length > 0 && !char.IsWhiteSpace(line[0]) && line[0] != '-')
            {
                inGaps = line.StartsWith(EntityText.GapsKey + ":", StringComparison.Ordinal);
            }

            if (!inGaps)
            {
                result.Add((i + 1, line));
            }
        }

        return result;
    }

    /// <summary>
    /// All English text of the content but the glossary's: every line of the English Markdown (summary, gaps, body;
    /// link targets left out) and the English values in the data files (names, titles).
    /// </summary>
    private static IEnumerable<(string Path, int Line, string Text)> EnglishTexts()
    {
        foreach (var file in Directory.EnumerateFiles(ContentFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var path = Relative(file);
            if (path.StartsWith("content/glossary/", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (path.EndsWith(".en.md", StringComparison.Ordinal))
                {
                    yield return (path, i + 1, LinkTarget().Replace(lines[i], "]"));
                }
                else if (path.EndsWith(".yml", StringComparison.Ordinal))
                {
                    foreach (Match value in EnglishValue().Matches(lines[i]))
                    {
                        yield return (path, i + 1, value.Groups[1].Value);
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"\]\((?:ref:|https?:)[^)]*\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex("""\ben:\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,}\n]+)""")]
    private static partial Regex EnglishValue();

    [GeneratedRegex(@"[（(]\s*(?:同上|同一来源|same source|ibid\.?)\s*[)）]", RegexOptions.IgnoreCase)]
    private static partial Regex SameSource();

    [GeneratedRegex(@"(?<=[。！？!?])|(?<=\.)\s+")]
    private static partial Regex Sentences();

    // What the issue counted as "the report does not say…" (168 English sentences on 126 pages before issue 20).
    [GeneratedRegex(@"\b(?:does|do|did)(?: not|n't) (?:say|give|name|state|specify|mention|explain|list|describe|record|define|spell|split|detail|report)\b|\bgives? no\b|\bgave no\b|\bsays? nothing\b|\bnot (?:stated|given|specified|reported)\b|\bno (?:later )?(?:article|report|source) (?:says|gives|names)\b|\bwithout saying\b")]
    private static partial Regex EnglishCaveat();

    [GeneratedRegex("(?:报道|文章|资料|来源)[均都并也]?(?:未|没有)|未提及|未说明|没有说明|未给出|没有给出|没有提到|未注明|未载|未交代|没有交代|未披露|未写明")]
    private static partial Regex ChineseCaveat();

    [GeneratedRegex(@"[（(][^()（）\n]*[)）]")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+")]
    private static partial Regex HanRun();
}
