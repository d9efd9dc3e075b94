using Palisade.Core.Analyzers;
using Palisade.Core.Analyzers.Commands;
using Palisade.Core.Scanners;

namespace Palisade.Core.Engine;

/// <summary>
/// The order scanners run in, written down in one place. Cheap and decisive first:
/// 1. secrets — the most damaging leak, and it must run before anything resolves a host (a secret in a subdomain leaks through DNS);
/// 2. pii — same views as secrets, shares their prefilter pass;
/// 3. injection — reads the folded views, the most expensive to build.
/// </summary>
public static class ScannerChain
{
    public static IReadOnlyList<IContentScanner> Create() =>
    [
        new SecretsScanner(),
        new PiiScanner(),
        new InjectionScanner(),
    ];

    /// <summary>Analyzers run after the content scanners, so a secret in a URL is caught before anything about the host is decided.</summary>
    public static IReadOnlyList<IActionAnalyzer> CreateAnalyzers() =>
    [
        new CommandAnalyzer(),
    ];
}
