namespace Atlas.Cli;

/// <summary>
/// A one-line progress counter for long builds on a terminal. Silent in CI (CI=true) and when the output is not a
/// terminal, so logs stay clean.
/// </summary>
public static class Progress
{
    public static bool Enabled(TextWriter writer) =>
        CliWriter.Unwrap(writer) == Console.Error && !Console.IsErrorRedirected && writer is not CliWriter { Quiet: true } &&
        !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static Action<int, int>? For(TextWriter writer)
    {
        if (!Enabled(writer))
        {
            return null;
        }

        var last = 0L;
        var gate = new Lock();
        return (done, total) =>
        {
            var now = Environment.TickCount64;
            lock (gate)
            {
                if (done != total && now - last < 100)
                {
                    return; // at most ten updates a second
                }

                last = now;
                writer.Write($"\rrendering {done}/{total} pages");
            }
        };
    }

    public static void Clear(TextWriter writer)
    {
        if (Enabled(writer))
        {
            writer.Write("\r\u001b[K");
        }
    }
}
