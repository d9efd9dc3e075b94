using System.Diagnostics;
using System.Text.Json;
using Palisade.Cli.Eval.EgressProxy;
using Palisade.Core.Policy;

namespace Palisade.Cli.Eval;

/// <summary>
/// Agent Egress Bench through the real egress proxy (<c>palisade eval --area egress-proxy</c>): the categories whose
/// traffic the proxy carries, each case sent by a real client on the path its transport names, against a local origin
/// that stands in for every host. A case counts as blocked when the proxy stopped it (403/429, a refused tunnel, a cut
/// connection, a WebSocket closed before its messages were echoed).
/// </summary>
public static class EgressProxySuites
{
    public const string Area = "egress-proxy";

    public static readonly IReadOnlySet<string> Categories = new HashSet<string>(StringComparer.Ordinal)
    {
        "url", "request-body", "headers", "encoding-evasion", "hostname-exfiltration", "ssrf-bypass", "response-fetch",
        "response-mitm", "websocket-dlp", "crypto-financial", "a2a-message", "a2a-agent-card",
    };

    /// <summary>AWS's documentation key pair, which the secret rules treat as a placeholder (see docs/detection.md).</summary>
    private static readonly (string Placeholder, string Realistic)[] Placeholders =
    [
        ("AKIAIOSFODNN7EXAMPLE", "AKIAZ3MQ7TP4XJ2LKW5N"),
        ("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Rt2VmLw"),
    ];

    /// <summary>
    /// The bench's category of benign look-alikes; its cases on the proxy's transports (fetch, HTTP proxy, WebSocket) run
    /// as a suite of their own, so "no allow case blocked" covers them too. Its MCP stdio cases are the mcp area's.
    /// </summary>
    public const string FalsePositiveCategory = "false-positive";

    public static IEnumerable<SuiteResult> Run(string corporaDir, PalisadeConfig config)
    {
        var dir = Path.Combine(corporaDir, "agent-egress-bench", "cases");
        const string name = "agent-egress-bench through the proxy";
        if (!Directory.Exists(dir))
        {
            yield return new SuiteResult(name, Area, [], new SubsetResult(name, Area, "(all)"), $"{dir} not found", 0);
            yield break;
        }
        var cases = Load(dir, Categories).ToList();
        config = WithBlocklist(config, cases);
        yield return RunAsync(name, cases, config).GetAwaiter().GetResult();
        var benign = Load(dir, new HashSet<string> { FalsePositiveCategory }).Where(c => c.OnProxyTransport).ToList();
        if (benign.Count > 0)
            yield return RunAsync($"{name}: the {benign.Count} {FalsePositiveCategory} cases on proxy transports", benign, config).GetAwaiter().GetResult();
        var substituted = cases.Select(c => c.WithPayloadText(Substitute)).Where((c, i) => !ReferenceEquals(c, cases[i])).ToList();
        yield return RunAsync($"{name}: the {substituted.Count} cases with AWS's documentation key, given a realistic key", substituted, config).GetAwaiter().GetResult();
    }

    private static IEnumerable<BenchCase> Load(string dir, IReadOnlySet<string> categories) =>
        categories.Order(StringComparer.Ordinal)
            .SelectMany(c => Directory.Exists(Path.Combine(dir, c)) ? Directory.EnumerateFiles(Path.Combine(dir, c), "*.json").Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            .Select(f => BenchCase.From(JsonDocument.Parse(File.ReadAllText(f)).RootElement));

    /// <summary>
    /// The bench's <c>domain_blocklist</c> cases name a host no public list knows and tell the runner to put it on the
    /// tool's blocklist first (the case's notes): here that is <c>egress.deny_hosts</c>, added to the measured configuration.
    /// The built-in list of capture, paste and tunnel services (rules/egress/exfiltration.yaml) is measured by the url cases.
    /// </summary>
    private static PalisadeConfig WithBlocklist(PalisadeConfig config, IEnumerable<BenchCase> cases)
    {
        var hosts = cases.Where(c => c.Tags.Contains("domain_blocklist") && Uri.TryCreate(c.Url, UriKind.Absolute, out _))
            .Select(c => Core.Analyzers.Egress.HostPattern.TryParse(new Uri(c.Url).Host, allowPort: false, out _))
            .OfType<Core.Analyzers.Egress.HostPattern>()
            .ToList();
        return hosts.Count == 0 ? config : config with { Egress = config.Egress with { DenyHosts = [.. config.Egress.DenyHosts, .. hosts] } };
    }

    /// <summary>Replaces the placeholder as written and in the encodings the cases wrap it in (hex, base64, percent, double percent).</summary>
    private static string Substitute(string text)
    {
        foreach (var (placeholder, realistic) in Placeholders)
        {
            text = text.Replace(placeholder, realistic, StringComparison.Ordinal);
            foreach (var encode in Encodings)
                text = text.Replace(encode(placeholder), encode(realistic), StringComparison.OrdinalIgnoreCase);
        }
        return text;
    }

    private static readonly Func<string, string>[] Encodings =
    [
        s => Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(s)),
        s => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(s)),
        s => string.Concat(s.Select(c => $"%{(int)c:x2}")),
        s => string.Concat(s.Select(c => $"%25{(int)c:x2}")),
        s => string.Join('-', s.Select(c => $"{(int)c:x2}")),
    ];

    private static async Task<SuiteResult> RunAsync(string name, IReadOnlyList<BenchCase> cases, PalisadeConfig config)
    {
        var clock = Stopwatch.StartNew();
        var total = new SubsetResult(name, Area, "(all)");
        var subsets = new SortedDictionary<string, SubsetResult>(StringComparer.Ordinal);
        await using var bench = await ProxyBench.StartAsync(config);
        var engine = new Core.Engine.PalisadeEngine(config);
        foreach (var c in cases)
        {
            var (blocked, path, detail) = await bench.RunAsync(c);
            // A miss is a transport loss only if the engine, given the payload as plain text, would have stopped it.
            if (c.Block && !blocked)
                detail += engine.Evaluate(Core.Model.AgentAction.FromText(Core.Model.ActionKind.Message, c.Payload.GetRawText())).WouldDecide >= Core.Model.Decision.Review
                    ? "; a plain scan of the payload stops it: transport loss"
                    : "; a plain scan of the payload does not stop it either";
            foreach (var subset in new[] { c.Category, $"path: {path}" })
            {
                if (!subsets.TryGetValue(subset, out var s)) subsets[subset] = s = new SubsetResult(name, Area, subset);
                Count(s, c, blocked, detail);
            }
            Count(total, c, blocked, detail);
        }
        return new SuiteResult(name, Area, [.. subsets.Values], total, null, clock.Elapsed.TotalSeconds);
    }

    private static void Count(SubsetResult s, BenchCase c, bool blocked, string detail)
    {
        if (c.Block)
        {
            s.Attacks++;
            if (blocked) s.AttacksFlagged++;
            else s.Missed.Add($"{c.Id} ({detail})");
        }
        else
        {
            s.Benign++;
            if (!blocked) return;
            s.BenignFlagged++;
            s.FalsePositives.Add($"{c.Id} ({detail})");
        }
    }
}
