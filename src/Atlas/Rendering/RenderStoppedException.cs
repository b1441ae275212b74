namespace Atlas.Rendering;

/// <summary>
/// Rendering was cancelled (the build's deadline passed, or its caller stopped it). <see cref="StoppedAt"/> is
/// where a render was when it stopped ("templates/home.html:2:5 (page en/)"), null when no page was rendering.
/// </summary>
public sealed class RenderStoppedException(string? stoppedAt, CancellationToken token)
    : OperationCanceledException("rendering was stopped", token)
{
    public string? StoppedAt { get; } = stoppedAt;
}
