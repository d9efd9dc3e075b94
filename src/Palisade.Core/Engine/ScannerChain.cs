using Palisade.Core.Analyzers;
using Palisade.Core.Analyzers.Tools;
using Palisade.Core.Analyzers.Egress;
using Palisade.Core.Policy;
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

    /// <summary>
    /// Analyzers run after the content scanners, so a secret in a URL is caught before anything about the host is decided.
    /// tool — decomposes a tool call into the commands, file accesses and URLs inside it, each judged below;
    /// command — parses shell lines (sh, PowerShell, cmd) and hands the files and URLs they touch to path and egress;
    /// path — file accesses, by asset class and operation;
    /// egress — URLs of HTTP requests: static, no DNS; the proxies resolve, check and pin afterwards.
    /// </summary>
    public static IReadOnlyList<IActionAnalyzer> CreateAnalyzers(PalisadeConfig? config = null)
    {
        config ??= PalisadeConfig.Default;
        return
        [
            new ToolCallAnalyzer(),
            new CommandAnalyzer(),
            new Analyzers.Paths.PathAnalyzer(),
            new EgressAnalyzer(config.Egress, config.AllowValues),
        ];
    }
}
