using System.Security.Cryptography;
using System.Text;
using Palisade.Core.Audit;
using Palisade.Core.Model;

namespace Palisade.Tests.Audit;

/// <summary>A fresh audit directory, a signing key and a clock for one test; the directory goes away with it.</summary>
internal sealed class AuditFixture : IDisposable
{
    public AuditFixture(DateTimeOffset? start = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "palisade-audit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Time = new ManualTimeProvider(start ?? new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    }

    public string Root { get; }
    public string AuditDir => Path.Combine(Root, "audit");
    public ManualTimeProvider Time { get; }
    public AuditSigningKey Key { get; } = AuditSigningKey.Generate();

    public AuditLog NewLog(int checkpointInterval = 256, TimeSpan? lockTimeout = null, long? maxRepairBytes = null) =>
        new(new AuditLogOptions
        {
            Directory = AuditDir,
            CheckpointInterval = checkpointInterval,
            LockTimeout = lockTimeout ?? TimeSpan.FromSeconds(30),
            MaxRepairBytes = maxRepairBytes ?? 4 * 1024 * 1024,
        }, Key, Time);

    public AuditVerifyReport Verify()
    {
        using var trusted = Key.PublicKey();
        return AuditVerifier.Verify(AuditDir, trusted);
    }

    public IReadOnlyList<string> Files() => [.. Directory.GetFiles(AuditDir, "audit-*.jsonl").Order(StringComparer.Ordinal)];

    public string OnlyFile() => Assert.Single(Files());

    /// <summary>A verdict event as a surface would make it, with a finding so the record has some shape.</summary>
    public AuditEvent Verdict(int n = 0, Decision decision = Decision.Block) => AuditEvent.ForVerdict(
        "gateway",
        AgentAction.FromText(ActionKind.ToolCall, $"content {n}") with { SessionId = "s-1", AgentId = "agent", Transport = "http" },
        new Verdict
        {
            Decision = decision,
            WouldDecide = decision,
            DecidingRule = "openai-api-key",
            Reason = $"blocked #{n}",
            Findings =
            [
                new Finding
                {
                    RuleId = "openai-api-key", Scanner = "secrets", Category = "credential", Severity = Severity.Critical,
                    Location = new FindingLocation("content", "raw", 0, 10), Evidence = "sk-p…[164 chars, h:0123abcd]", Action = decision,
                },
            ],
        },
        AuditEvent.NewId(Time),
        new Dictionary<string, string> { ["n"] = n.ToString() });

    public void Dispose()
    {
        Key.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Edits of a line that keep its hash honest: what an attacker without the signing key can do.</summary>
    public static string Rehash(string line, string? newPrev = null)
    {
        var at = line.LastIndexOf(",\"hash\":\"", StringComparison.Ordinal);
        var body = line[..at];
        if (newPrev is not null)
        {
            var p = body.IndexOf("\"prev\":\"", StringComparison.Ordinal) + 8;
            body = body[..p] + newPrev + body[(p + 64)..];
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(body + "}")));
        return $"{body},\"hash\":\"{hash}\"}}";
    }

    public static string HashOf(string line) => line[^66..^2];

    /// <summary>Re-chains lines from <paramref name="from"/> on after an edit, as an attacker without the key would.</summary>
    public static void RechainFrom(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
            lines[i] = Rehash(lines[i], i == 0 ? null : HashOf(lines[i - 1]));
    }

    public static string[] ReadLines(string path) => File.ReadAllText(path).TrimEnd('\n').Split('\n');

    public static void WriteLines(string path, IEnumerable<string> lines) => File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
}
