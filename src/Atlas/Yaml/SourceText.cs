using System.Text;
using Atlas.Diagnostics;
using Atlas.Sources;

namespace Atlas.Yaml;

/// <summary>
/// Reads a source file as strict UTF-8: a BOM is dropped, CRLF and CR become LF (so a Windows checkout builds
/// the same bytes), invalid bytes and oversized files are diagnostics, not exceptions.
/// </summary>
public static class SourceText
{
    /// <summary>Larger files are refused: no editor writes a 16 MiB page, and reading one would stall the build.</summary>
    public const long MaxFileBytes = SourcePolicy.MaxFileBytes;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file found through the <see cref="SourcePolicy"/>, which checks what it is and how large.</summary>
    public static string? Read(SourceEntry file, DiagnosticBag diagnostics) =>
        SourcePolicy.Read(file, diagnostics) is { } bytes ? Decode(bytes, file.Display, diagnostics) : null;

    public static string? Decode(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticBag diagnostics)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        else if (Utf16(bytes) is { } utf16)
        {
            diagnostics.Error(SourceLocation.File(displayPath), $"the file is {utf16}, not UTF-8. Save it as UTF-8.");
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var (line, column) = PositionOfByte(bytes, e.Index);
            diagnostics.Error(new SourceLocation(displayPath, line, column),
                "the file is not valid UTF-8 here. Save it as UTF-8 (without a legacy encoding such as GBK).");
            return null;
        }

        return NormalizeNewLines(text);
    }

    /// <summary>
    /// "UTF-16 (little-endian)" and the like when the bytes are UTF-16 or UTF-32: by their byte order mark, or, without
    /// one, by the zero bytes that every ASCII character leaves beside it (zero bytes that UTF-8 text never holds).
    /// </summary>
    private static string? Utf16(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((byte[])[0xFF, 0xFE, 0, 0]))
        {
            return "UTF-32 (little-endian)";
        }

        if (bytes.StartsWith((byte[])[0, 0, 0xFE, 0xFF]))
        {
            return "UTF-32 (big-endian)";
        }

        if (bytes.StartsWith((byte[])[0xFF, 0xFE]))
        {
            return "UTF-16 (little-endian)";
        }

        if (bytes.StartsWith((byte[])[0xFE, 0xFF]))
        {
            return "UTF-16 (big-endian)";
        }

        // Without a mark: most of the first pairs have a zero on the same side and none on the other.
        var pairs = Math.Min(bytes.Length / 2, 64);
        if (pairs < 2)
        {
            return null;
        }

        int zeroFirst = 0, zeroSecond = 0;
        for (var i = 0; i < pairs; i++)
        {
            zeroFirst += bytes[2 * i] == 0 ? 1 : 0;
            zeroSecond += bytes[(2 * i) + 1] == 0 ? 1 : 0;
        }

        return zeroSecond * 2 > pairs && zeroFirst * 4 < pairs ? "UTF-16 (little-endian, without a byte order mark)"
            : zeroFirst * 2 > pairs && zeroSecond * 4 < pairs ? "UTF-16 (big-endian, without a byte order mark)"
            : null;
    }

    public static string NormalizeNewLines(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;

    private static (int Line, int Column) PositionOfByte(ReadOnlySpan<byte> bytes, int index)
    {
        index = Math.Clamp(index, 0, bytes.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        // Columns count characters, so count the UTF-8 lead bytes between the line start and the bad byte.
        var column = 1;
        for (var i = lineStart; i < index; i++)
        {
            if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }
}
