namespace Atlas.Rendering;

/// <summary>
/// HTML the engine vouches for (rendered Markdown, a rendered partial, the page inside its layout). Templates print
/// it as is; every other value is HTML-escaped. Templates cannot create one: there is no function that returns it
/// from a string, so escaping cannot be forgotten or switched off from a template.
/// </summary>
public sealed record SafeHtml(string Value)
{
    public override string ToString() => Value;
}
