using System.Text.Json;
using Palisade.Core.Model;

namespace Palisade.Cli.Eval;

/// <summary>The text corpora: secrets, PII, injection and jailbreak, with their benign look-alikes.</summary>
public static class ContentSuites
{
    /// <summary>An item counts as flagged when the verdict would stop it (review or block), whatever the mode.</summary>
    public static bool Stops(Verdict v) => v.WouldDecide.Stops();

    private static bool HasScanner(Verdict v, string scanner) => v.Findings.Any(f => f.Scanner == scanner);

    public static IEnumerable<EvalSuite> All()
    {
        foreach (var name in new[] { "gitleaks", "noseyparker-rules", "kingfisher-rules" }) yield return SecretRuleExamples(name);
        yield return CredSweeper();
        yield return PresidioPii();
        yield return PufferPii();
        yield return PufferInjection();
        yield return Garak();
        yield return Bipia();
        yield return Benign("notinject", "notinject/items.jsonl", "prompt");
        yield return Benign("awesome-chatgpt-prompts", "awesome-chatgpt-prompts/items.jsonl", "prompt");
    }

    /// <summary>
    /// The upstream rule examples. Recall is read on the credential types we claim to cover (see <see cref="SecretCoverage"/>),
    /// with placeholder-valued examples also counted apart, since the rules reject placeholders on purpose.
    /// </summary>
    private static EvalSuite SecretRuleExamples(string corpus) => new(corpus, "secrets", [$"{corpus}/items.jsonl"],
        dir => SecretItems(CorpusFiles.JsonLines(Path.Combine(dir, corpus, "items.jsonl")), e => e.Str("rule_id"), e => e.Str("label") == "secret"),
        (v, _, _) => HasScanner(v, "secrets"));

    /// <summary>
    /// A negative whose exact text is also another upstream rule's positive (one rule's scope, or CredSweeper rejecting one
    /// candidate on a line it reports for another) cannot be told apart by any detector that reads text: it is counted
    /// apart from the covered and other negatives. Covered negatives reviewed as credentials by reading stay counted, and are
    /// also reported apart (docs/decisions/015).
    /// </summary>
    private static IEnumerable<EvalItem> SecretItems(IEnumerable<JsonElement> items, Func<JsonElement, string> rule, Func<JsonElement, bool> isSecret)
    {
        var coverage = SecretCoverage.Load();
        var all = items.ToList();
        var positiveTexts = all.Where(isSecret).Select(e => e.Str("text")).ToHashSet(StringComparer.Ordinal);
        foreach (var e in all)
        {
            var upstream = rule(e);
            var text = e.Str("text");
            var attack = isSecret(e);
            var covered = coverage.Covers(upstream);
            var subsets = new List<string> { $"rule:{upstream}" };
            if (!attack && positiveTexts.Contains(text)) subsets.Add("negatives (same text labelled secret)");
            else if (!attack && covered)
            {
                // the reviewed credentials stay in the covered negatives; the line without them is reported beside it
                subsets.Add("negatives (covered types)");
                subsets.Add(coverage.IsReviewedCredential(e.Str("id"))
                    ? "negatives (covered, reviewed as credentials)"
                    : "negatives (covered, reviewed credentials apart)");
            }
            else if (!attack) subsets.Add("negatives (other types)");
            else if (!covered) subsets.Add("uncovered types");
            else
            {
                subsets.Add("covered types");
                subsets.Add(SecretCoverage.IsPlaceholder(text) ? "covered, placeholder-like value" : "covered, real-looking value");
            }
            yield return new EvalItem(e.Str("id"), subsets, attack, "text", text);
        }
    }

    private static EvalSuite CredSweeper() => new("credsweeper-samples", "secrets", ["credsweeper-samples/items.jsonl"],
        dir => SecretItems(CorpusFiles.JsonLines(Path.Combine(dir, "credsweeper-samples/items.jsonl")), e => e.Str("rule"), e => e.Str("label") == "secret"),
        (v, _, _) => HasScanner(v, "secrets"));

    /// <summary>Presidio's entity types that a PII rule of ours covers; other types (names, addresses) are out of scope.</summary>
    private static readonly Dictionary<string, string> PresidioTypes = new()
    {
        ["CREDIT_CARD"] = "pii-payment-card",
        ["IBAN_CODE"] = "pii-iban",
        ["US_SSN"] = "pii-us-ssn",
        ["EMAIL_ADDRESS"] = "pii-email",
        ["PHONE_NUMBER"] = "pii-phone",
    };

    private static EvalSuite PresidioPii() => new("presidio-synth-pii", "pii", ["presidio-synth-pii/items.jsonl"],
        dir => CorpusFiles.JsonLines(Path.Combine(dir, "presidio-synth-pii/items.jsonl")).Select(e =>
        {
            var types = e.GetProperty("entity_types").EnumerateArray().Select(t => t.GetString()!).Where(PresidioTypes.ContainsKey).ToArray();
            var attack = e.Str("label") == "pii";
            if (attack && types.Length == 0) return null;
            return new EvalItem(e.Str("id"), attack ? types : ["no_pii"], attack, "prompt", e.Str("text"));
        }).OfType<EvalItem>(),
        (v, _, subset) => PresidioTypes.TryGetValue(subset, out var rule)
            ? v.Findings.Any(f => f.RuleId.StartsWith(rule, StringComparison.Ordinal))
            : HasScanner(v, "pii"));

    private static EvalSuite PufferPii() => new("puffer-bench pii", "pii", ["puffer-bench/fixtures/pii-samples.json"],
        dir => CorpusFiles.JsonArray(Path.Combine(dir, "puffer-bench/fixtures/pii-samples.json")).Select((e, i) =>
            new EvalItem($"pii-samples-{i}", [e.Str("type")], e.GetProperty("shouldDetect").GetBoolean(), "prompt", e.Str("text"))),
        (v, _, _) => v.Findings.Any(f => f.Scanner is "pii" or "secrets"));

    private static EvalSuite PufferInjection() => new("puffer-bench injection", "injection",
        ["puffer-bench/attacks.json", "puffer-bench/benign.json", "puffer-bench/fixtures/injection-attacks.json", "puffer-bench/fixtures/safe-prompts.json"],
        dir =>
        {
            var p = Path.Combine(dir, "puffer-bench");
            var attacks = CorpusFiles.JsonArray(Path.Combine(p, "attacks.json")).Where(e => e.Str("layer") == "injection")
                .Select(e => new EvalItem(e.Str("id"), [$"attacks.json/{e.Str("category")}"], true, "prompt", e.Str("text")));
            var fixtures = CorpusFiles.JsonArray(Path.Combine(p, "fixtures/injection-attacks.json"))
                .Select((e, i) => new EvalItem($"injection-attacks-{i}", [$"fixtures/{e.Str("category")}"], true, "prompt", e.Str("text")));
            var benign = CorpusFiles.JsonArray(Path.Combine(p, "benign.json"))
                .Select(e => new EvalItem(e.Str("id"), ["benign.json"], false, "prompt", e.Str("text")));
            var safe = CorpusFiles.JsonArray(Path.Combine(p, "fixtures/safe-prompts.json"))
                .Select((e, i) => new EvalItem($"safe-prompts-{i}", ["fixtures/safe-prompts"], false, "prompt", e.Str("text")));
            return attacks.Concat(fixtures).Concat(benign).Concat(safe);
        },
        (v, _, _) => Stops(v));

    /// <summary>DAN and prompt-extraction items are the target; in-the-wild jailbreaks are reported apart.</summary>
    private static EvalSuite Garak() => new("garak-data", "injection", ["garak-data/items.jsonl"],
        dir => CorpusFiles.JsonLines(Path.Combine(dir, "garak-data/items.jsonl")).Select(e =>
        {
            var category = e.Str("category");
            var group = category.StartsWith("sysprompt_extraction", StringComparison.Ordinal) ? "prompt extraction" : category;
            return new EvalItem(e.Str("id"), [group], e.Str("label") != "benign", "prompt", e.Str("text"));
        }),
        (v, _, _) => Stops(v));

    /// <summary>Attacks and clean contexts as tool results (what the model reads back); text and code subsets apart.</summary>
    private static EvalSuite Bipia() => new("bipia", "injection", ["bipia/items.jsonl"],
        dir => CorpusFiles.JsonLines(Path.Combine(dir, "bipia/items.jsonl")).Select(e =>
        {
            var attack = e.Str("label") == "injection";
            var subset = attack ? e.Str("kind") : $"benign {e.Str("category")}";
            return new EvalItem(e.Str("id"), [subset], attack, "response", e.Str("text"));
        }),
        (v, _, _) => Stops(v));

    private static EvalSuite Benign(string name, string file, string kind) => new(name, "injection", [file],
        dir => CorpusFiles.JsonLines(Path.Combine(dir, file)).Select(e =>
        {
            var attack = e.Str("label") is "jailbreak" or "injection";
            var category = e.Str("category");
            return new EvalItem(e.Str("id"), [attack ? "labelled jailbreak" : category.Length > 0 ? category : "benign"], attack, kind, e.Str("text"));
        }),
        (v, _, _) => Stops(v));
}
