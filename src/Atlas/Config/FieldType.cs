namespace Atlas.Config;

/// <summary>The value types a collection field can declare in site.yml.</summary>
public enum FieldType
{
    /// <summary>One text shared by all languages.</summary>
    Text,
    /// <summary>A map of language code to text; front matter may override one language.</summary>
    Localized,
    Number,
    /// <summary>YYYY-MM-DD, YYYY-MM or YYYY: sources often give only a month or a year.</summary>
    Date,
    Year,
    /// <summary>[longitude, latitude] in WGS84 degrees.</summary>
    Coordinates,
    /// <summary>One of the declared values; its label in each language comes from the i18n bundles.</summary>
    Enum,
    /// <summary>A list of declared values.</summary>
    Tags,
    /// <summary>A unit such as 亿元 or 万辆: an optional Chinese magnitude (万, 亿, 万亿) and a base unit.</summary>
    Unit,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>An absolute http(s) URL.</summary>
    Url,
    Reference,
    References,
}
