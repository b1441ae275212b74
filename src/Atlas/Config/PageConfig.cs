namespace Atlas.Config;

/// <summary>An extra page rendered once per language at /&lt;lang&gt;/&lt;name&gt;/ with templates/pages/&lt;name&gt;.html.</summary>
public sealed record PageConfig(string Name, LocalizedText Title, int Order);
