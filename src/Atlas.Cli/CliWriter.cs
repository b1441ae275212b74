using System.Text;

namespace Atlas.Cli;

/// <summary>
/// The writer every command prints to, carrying the verbosity the user chose: muted (stdout under <c>--quiet</c>, so the
/// commands need no test of their own) and verbose (<c>--verbose</c>: every diagnostic, and an internal error's stack
/// trace). The switches are set after parsing, before any command runs.
/// </summary>
public sealed class CliWriter(TextWriter inner) : TextWriter
{
    public TextWriter Inner => inner;

    public bool Muted { get; set; }

    /// <summary>--quiet on a writer that still prints (stderr: errors and warnings), so that it prints nothing else (no progress line).</summary>
    public bool Quiet { get; set; }

    public bool Verbose { get; set; }

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (!Muted)
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value)
    {
        if (!Muted)
        {
            inner.Write(value);
        }
    }

    public override void WriteLine(string? value)
    {
        if (!Muted)
        {
            inner.WriteLine(value);
        }
    }

    public override void Flush() => inner.Flush();

    /// <summary>Whether <paramref name="writer"/> asks for every detail (see <see cref="Verbose"/>).</summary>
    public static bool IsVerbose(TextWriter writer) => writer is CliWriter { Verbose: true };

    /// <summary>The writer under a <see cref="CliWriter"/> (the console's, for the progress line's terminal test).</summary>
    public static TextWriter Unwrap(TextWriter writer) => writer is CliWriter cli ? cli.Inner : writer;
}
