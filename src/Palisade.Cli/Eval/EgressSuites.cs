using System.Text.Json;
using System.Text.RegularExpressions;
using Palisade.Core.Model;

namespace Palisade.Cli.Eval;

/// <summary>The URL corpora: SSRF payloads, documentation URLs, and the network layer of puffer-bench.</summary>
public static class EgressSuites
{
    private static bool Blocks(Verdict v) => v.WouldDecide == Decision.Block;

    public static IEnumerable<EvalSuite> All()
    {
        yield return PayloadsAllTheThingsSsrf();
        yield return TldrUrls();
        yield return PufferNetwork();
        yield return AgentEgressBenchUrls();
    }

    /// <summary>Template items (<c>[host]:[port]</c>, <c>${VAR}</c>, <c>{quote(...)}</c>) are not URLs anyone can send: left out.</summary>
    private static readonly Regex Placeholder = new(@"\{[^}]*\}|\$\{|\[[A-Za-z_]+\]", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    /// <summary>
    /// URLs on the SSRF pages that are context, not targets: the vulnerable application's own URL and the Google API
    /// scopes and token-info endpoint used after a metadata token was stolen. Counted as benign: a firewall that blocked
    /// them would be wrong. (Redirector URLs that lead to internal targets stay attacks.)
    /// </summary>
    private static readonly HashSet<string> SsrfContextIds = new(StringComparer.Ordinal)
    {
        "patt-ssrf-60", "patt-ssrf-105", "patt-ssrf-106", "patt-ssrf-107", "patt-ssrf-108", "patt-ssrf-109", "patt-ssrf-110",
    };

    /// <summary>An SSRF payload counts when it is blocked (review is not enough for these); subsets by the corpus's target-class helper field.</summary>
    private static EvalSuite PayloadsAllTheThingsSsrf() => new("payloadsallthethings-ssrf", "egress", ["payloadsallthethings-ssrf/ssrf_urls.jsonl"],
        dir => CorpusFiles.JsonLines(Path.Combine(dir, "payloadsallthethings-ssrf/ssrf_urls.jsonl"))
            .Where(e => !Placeholder.IsMatch(e.Str("text")))
            .Select(e =>
            {
                var context = SsrfContextIds.Contains(e.Str("id"));
                return new EvalItem(e.Str("id"), [context ? "context urls (not targets)" : e.Str("target_class_heuristic", "unclassified")], !context, "url", e.Str("text"));
            }),
        (v, _, _) => Blocks(v));

    private const string Blocked = "blocked", Stopped = "held or blocked", AnyFinding = "any finding";

    /// <summary>Benign documentation URLs, counted three ways: blocked, stopped (review or block), and anything found at all.</summary>
    private static EvalSuite TldrUrls() => new("tldr-urls", "egress", ["tldr-urls/items.jsonl"],
        dir => CorpusFiles.JsonLines(Path.Combine(dir, "tldr-urls/items.jsonl"))
            .Select(e => new EvalItem(e.Str("id"), [Blocked, Stopped, AnyFinding], false, "url", e.Str("text"))),
        (v, _, subset) => subset switch
        {
            Blocked => Blocks(v),
            Stopped => ContentSuites.Stops(v),
            _ => v.Findings.Count > 0,
        });

    /// <summary>Every network fixture is an attack; right means stopped (the DGA fixtures are held for review).</summary>
    private static EvalSuite PufferNetwork() => new("puffer-bench network", "egress", ["puffer-bench/attacks.json", "puffer-bench/fixtures/network-attacks.json"],
        dir =>
        {
            var p = Path.Combine(dir, "puffer-bench");
            var fixtures = CorpusFiles.JsonArray(Path.Combine(p, "fixtures/network-attacks.json"))
                .Select((e, i) => new EvalItem($"network-attacks-{i}", ["fixtures/network-attacks"], true, "url", e.Str("url")));
            var attacks = CorpusFiles.JsonArray(Path.Combine(p, "attacks.json")).Where(e => e.Str("layer") == "network")
                .Select(e => new EvalItem(e.Str("id"), [$"attacks.json/{e.Str("category")}"], true, "url", e.Str("text")));
            return fixtures.Concat(attacks);
        },
        (v, _, _) => ContentSuites.Stops(v));

    /// <summary>
    /// The URL-only cases of Agent Egress Bench (the other transports need the proxies). Many of its attacks are secrets in
    /// the query, so this measures the secrets rules as much as the URL analyzer. Counted as its peers count: blocked.
    /// </summary>
    private static EvalSuite AgentEgressBenchUrls() => new("agent-egress-bench url cases", "egress", ["agent-egress-bench/SOURCE.txt"],
        dir => Directory.EnumerateFiles(Path.Combine(dir, "agent-egress-bench/cases"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .Where(e => e.Str("input_type") == "url" && e.TryGetProperty("payload", out var p) && p.Str("url").Length > 0)
            .Select(e => new EvalItem(e.Str("id"), [e.Str("category", "url")], e.Str("expected_verdict") == "block", "url",
                e.GetProperty("payload").Str("url"))),
        (v, _, _) => Blocks(v));
}
