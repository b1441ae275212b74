using Scriban.Parsing;
using Scriban.Syntax;

namespace Atlas.Rendering;

/// <summary>A render stopped at one of the atlas's own <see cref="RenderLimits"/> (Scriban's are told by their messages).</summary>
public sealed class RenderLimitException(SourceSpan span, string message) : ScriptRuntimeException(span, message);
