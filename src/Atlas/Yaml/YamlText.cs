namespace Atlas.Yaml;

/// <summary>Small helpers for describing YAML values in messages.</summary>
public static class YamlText
{
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalar { IsNull: true } => "an empty value",
        YamlScalar scalar => $"'{Truncate(scalar.Value)}'",
        _ => node.Shape,
    };

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..37] + "...";
}
