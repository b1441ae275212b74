namespace Atlas.Config;

/// <summary>A language of the site: its code (URL segment and key of localized values), its locale (the html lang
/// attribute and hreflang) and its name written in that language (for the language switcher).</summary>
public sealed record LanguageConfig(string Code, string Locale, string Name);
