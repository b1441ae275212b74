namespace Atlas.Rendering;

/// <summary>A static file: its name in templates/assets/, its source path, its published (fingerprinted) path and bytes.</summary>
public sealed record Asset(string Name, string SourcePath, string PublishedPath, byte[] Content);
