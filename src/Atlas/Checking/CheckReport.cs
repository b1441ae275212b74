using System.Collections.Immutable;
using Atlas.Diagnostics;

namespace Atlas.Checking;

/// <summary>What <see cref="SiteChecker"/> found: problems (as diagnostics on output files) and the external links it saw.</summary>
public sealed record CheckReport(ImmutableArray<Diagnostic> Problems, ImmutableSortedSet<string> ExternalLinks, int PagesChecked);
