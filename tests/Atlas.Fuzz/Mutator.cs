using System.Text;

namespace Atlas.Fuzz;

/// <summary>
/// Deterministic mutations of a file's bytes: bit flips, random bytes, truncations, deleted and duplicated ranges,
/// swapped and duplicated lines, lines spliced in from other files, and inserted YAML, Markdown and template syntax,
/// control characters and invalid UTF-8. The same seed always gives the same input.
/// </summary>
public static class Mutator
{
    /// <summary>Fragments that mean something to YAML, Markdown, Scriban or the atlas itself.</summary>
    public static readonly IReadOnlyList<byte[]> Tokens =
    [
        .. new[]
        {
            ": ", "- ", "{", "}", "[", "]", "&a ", "*a", "&a [x, x]\nb: [*a, *a]\n", "---\n", "...\n", "\t", "\"", "'",
            "#", "|", ">", "? ", "!!str ", "!!binary ", "!<tag:x> ", "%YAML 1.2\n---\n", "%TAG ! x\n", "<<: *a\n", "\n", "\r", "\r\n",
            "\uFEFF", "\u2028", "\u0085", "\u200B", "null", "~", "yes", "NO", "1e999", "-0", ".nan", "0x1F", "2020-13-45",
            "99999999999999999999999999999", "-180.0001", "[1, 2, 3]", "{zh: x}", "{zh: , en: }", "name: {zh: 甲, en: A}\n",
            "summary: x\n", "kind: ", "cities: [nowhere]\n", "cities: [chengdu, chengdu]\n", "sources: []\n",
            "ref:cities/", "ref:nowhere/x", "[x](ref:cities/chengdu)", "](javascript:alert(1))", "[x](data:text/html,1)",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{ ", " }}", "{{ site }}", "{% raw %}", "{{ end }}",
            "{{ for x in 1..1000000 }}", "{{ include 'partials/x.html' }}", ":::", "::: info\n", "[^1]", "[^1]: note\n",
            "|a|b|\n|-|-|\n", "+---+\n| a |\n+===+\n", "```\n", "~~~\n", "    ", "\\", "&#0;", "&#x110000;", "&amp",
            "*[HTML]: x\n", "$$", "@", "`", "<!--", "-->", "<?", "]]>", "\u202E", "\uD800", "𠀋", "成渝", "\0",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF], [0xFE, 0xFF], [0xC3], [0xC3, 0x28], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
        [.. Enumerable.Repeat((byte)'a', 5000)], [.. Enumerable.Repeat((byte)'[', 100)], [.. Enumerable.Repeat((byte)'-', 300)],
    ];

    /// <summary>
    /// Returns a mutated copy of <paramref name="input"/>; <paramref name="donors"/> are other files whose lines may be
    /// spliced in. One to four mutations, each picked by <paramref name="random"/>.
    /// </summary>
    public static byte[] Mutate(byte[] input, Random random, IReadOnlyList<byte[]> donors, out string description)
    {
        var data = new List<byte>(input);
        var steps = new List<string>();
        var count = 1 + (random.Next(4) == 0 ? random.Next(1, 4) : 0);
        for (var i = 0; i < count; i++)
        {
            steps.Add(MutateOnce(data, random, donors));
        }

        description = string.Join(", ", steps);
        return [.. data];
    }

    private static string MutateOnce(List<byte> data, Random random, IReadOnlyList<byte[]> donors)
    {
        var at = data.Count == 0 ? 0 : random.Next(data.Count + 1);
        switch (random.Next(12))
        {
            case 0 when data.Count > 0:
            {
                var index = Math.Min(at, data.Count - 1);
                var bit = random.Next(8);
                data[index] ^= (byte)(1 << bit);
                return $"flip bit {bit} at {index}";
            }

            case 1 when data.Count > 0:
            {
                var index = Math.Min(at, data.Count - 1);
                var value = (byte)random.Next(256);
                data[index] = value;
                return $"byte {value:X2} at {index}";
            }

            case 2:
                data.RemoveRange(at, data.Count - at);
                return $"truncate at {at}";

            case 3 when data.Count > 0:
            {
                var length = Math.Min(random.Next(1, 64), data.Count - Math.Min(at, data.Count - 1));
                var start = Math.Min(at, data.Count - 1);
                data.RemoveRange(start, length);
                return $"delete {length} at {start}";
            }

            case 4 when data.Count > 0:
            {
                var start = Math.Min(at, data.Count - 1);
                var length = Math.Min(random.Next(1, 256), data.Count - start);
                data.InsertRange(random.Next(data.Count + 1), data.GetRange(start, length));
                return $"duplicate {length} from {start}";
            }

            case 5:
            case 6:
            case 7:
            {
                var token = Tokens[random.Next(Tokens.Count)];
                var where = random.Next(2) == 0 ? LineStart(data, at) : at;
                data.InsertRange(where, token);
                return $"insert token {Describe(token)} at {where}";
            }

            case 8:
            {
                var lines = Lines(data);
                if (lines.Count < 2)
                {
                    goto default;
                }

                var (a, b) = (random.Next(lines.Count), random.Next(lines.Count));
                (lines[a], lines[b]) = (lines[b], lines[a]);
                Replace(data, lines);
                return $"swap lines {a + 1} and {b + 1}";
            }

            case 9:
            {
                var lines = Lines(data);
                if (lines.Count == 0)
                {
                    goto default;
                }

                var line = random.Next(lines.Count);
                lines.Insert(random.Next(lines.Count + 1), lines[line]);
                Replace(data, lines);
                return $"duplicate line {line + 1}";
            }

            case 10 when donors.Count > 0:
            {
                var donor = Lines([.. donors[random.Next(donors.Count)]]);
                if (donor.Count == 0)
                {
                    goto default;
                }

                var line = donor[random.Next(donor.Count)];
                data.InsertRange(LineStart(data, at), line);
                return "splice a line from another file";
            }

            case 11:
            {
                // Re-indent: YAML's meaning lives in its indentation.
                var where = LineStart(data, at);
                var spaces = random.Next(1, 9);
                data.InsertRange(where, Enumerable.Repeat((byte)' ', spaces));
                return $"indent {spaces} at {where}";
            }

            default:
            {
                var token = Tokens[random.Next(Tokens.Count)];
                data.InsertRange(at, token);
                return $"insert token {Describe(token)} at {at}";
            }
        }
    }

    private static int LineStart(List<byte> data, int at)
    {
        var index = Math.Min(at, data.Count);
        while (index > 0 && data[index - 1] != (byte)'\n')
        {
            index--;
        }

        return index;
    }

    /// <summary>Lines with their line ends, so that joining them gives the bytes back.</summary>
    private static List<byte[]> Lines(List<byte> data)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i] == (byte)'\n')
            {
                lines.Add([.. data.GetRange(start, i - start + 1)]);
                start = i + 1;
            }
        }

        if (start < data.Count)
        {
            lines.Add([.. data.GetRange(start, data.Count - start)]);
        }

        return lines;
    }

    private static void Replace(List<byte> data, List<byte[]> lines)
    {
        data.Clear();
        foreach (var line in lines)
        {
            data.AddRange(line);
        }
    }

    private static string Describe(byte[] token)
    {
        var text = token.Length > 12 ? Encoding.UTF8.GetString(token, 0, 12) + "…" : Encoding.UTF8.GetString(token);
        return "'" + string.Concat(text.Select(c => c < ' ' || c == '\uFFFD' ? $"\\x{(int)c:X2}" : c.ToString())) + "'";
    }
}
