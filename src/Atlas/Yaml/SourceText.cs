using System.Text;
using Atlas.Diagnostics;

namespace Atlas.Yaml;

/// <summary>
/// Reads a source file as strict UTF-8: a BOM is dropped, CRLF and CR become LF (so a Windows checkout builds
/// the same bytes), invalid bytes and oversized files are diagnostics, not exceptions.
/// </summary>
public static class SourceText
{
    /// <summary>Larger files are refused: no editor writes a 16 MiB page, and reading one would stall the build.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > MaxFileBytes)
            {
                diagnostics.Error(SourceLocation.File(displayPath),
                    $"the file is {info.Length / (1024.0 * 1024.0):0.#} MiB; the limit is {MaxFileBytes / (1024 * 1024)} MiB. Split it or remove what does not belong in the atlas.");
                return null;
            }

            // A file of size 0 has nothing to read, so it is never opened: named pipes, sockets and devices also
            // report size 0, and opening a named pipe blocks until a writer appears, which would hang the build.
            bytes = info.Length == 0 ? [] : File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(SourceLocation.File(displayPath), $"cannot read the file ({e.Message.TrimEnd('.')}). Check that it exists and that its permissions allow reading.");
            return null;
        }

        return Decode(bytes, displayPath, diagnostics);
    }

    public static string? Decode(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticBag diagnostics)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
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
