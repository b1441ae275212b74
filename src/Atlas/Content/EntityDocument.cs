using Atlas.Yaml;

namespace Atlas.Content;

/// <summary>One language's Markdown file of an entity: optional front matter and the body, with the line the body starts on.</summary>
public sealed record EntityDocument(string Language, string Path, YamlMapping? FrontMatter, string Body, int BodyLine);
