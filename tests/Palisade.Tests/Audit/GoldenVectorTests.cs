using System.Text;
using Palisade.Core.Audit;

namespace Palisade.Tests.Audit;

/// <summary>
/// Records built by hand from the rules in docs/audit.md, with hashes and a signature computed outside C#
/// (python3 hashlib and cryptography). If the writer drifts from the documented format, these fail.
/// </summary>
public sealed class GoldenVectorTests
{
    private const string VerdictLine = """{"v":1,"seq":1,"ts":"2025-01-02T03:04:05.678Z","type":"verdict","event_id":"0194259b-3f2e-7000-8000-000000000001","surface":"gateway","kind":"tool_call","direction":"egress","source":"model","session":"s-1","agent":"claude-code","transport":"http","decision":"block","would_decide":"block","rule":"openai-api-key","reason":"blocked: \"sk-\u2026\" in C:\\tmp <a&b> 'x' caf\u00E9 \u2713 \uD83D\uDE00\u0009\u202Eend\uFFFD","findings":[{"rule":"openai-api-key","scanner":"secrets","category":"credential","severity":"critical","action":"block","field":"arguments.command","evidence":"sk-p\u2026[164 chars, h:0123abcd]"}],"content_length":1234,"extra":{"model":"gpt-4o","provider":"openai"},"prev":"0000000000000000000000000000000000000000000000000000000000000000","hash":"dc99709346eee66258e18f35008cc16613f5021a2a59e13c61acb6d705c451f2"}""";
    private const string VerdictHash = "dc99709346eee66258e18f35008cc16613f5021a2a59e13c61acb6d705c451f2";

    private const string CheckpointLine = """{"v":1,"seq":2,"ts":"2025-01-02T03:04:05.679Z","type":"checkpoint","event_id":"0194259b-3f2f-7000-8000-000000000002","key_id":"41bc9f9d3b725125","prev":"dc99709346eee66258e18f35008cc16613f5021a2a59e13c61acb6d705c451f2","sig":"V3RA9bzqhW0lkfnT3xYQh4m3SQfzrR7Z/wH3uqnAGYTZHNCBlxeXqfWAXY6o+z8HhgLKVvSOG/fdZ3a76PXm2Q==","hash":"4e126b3110855c4b71de959db1f9556a971b6e5271825b3dcb5f4088ef2c220c"}""";
    private const string PythonPublicKey = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEuD4nA7fXO06YXMkgKBxUehEBTzeD
        P0NPM6t/GbBmVLrl4huCkf4FydjK6Rx7EM0RuZzGo5fY+GLJdpYYzh8zVA==
        -----END PUBLIC KEY-----
        """;

    private static AuditEvent GoldenEvent() => new()
    {
        Type = AuditRecordType.Verdict,
        EventId = "0194259b-3f2e-7000-8000-000000000001",
        Surface = "gateway",
        Kind = "tool_call",
        Direction = "egress",
        Source = "model",
        Session = "s-1",
        Agent = "claude-code",
        Transport = "http",
        Decision = "block",
        WouldDecide = "block",
        Rule = "openai-api-key",
        // Quotes, a backslash, HTML characters, non-ASCII, an astral character, a tab, a bidi override and a lone surrogate.
        Reason = "blocked: \"sk-\u2026\" in C:\\tmp <a&b> 'x' caf\u00e9 \u2713 \U0001F600\t\u202Eend\uD800",
        Findings = [new AuditFinding("openai-api-key", "secrets", "credential", "critical", "block", "arguments.command", "sk-p\u2026[164 chars, h:0123abcd]")],
        ContentLength = 1234,
        Extra = new Dictionary<string, string> { ["provider"] = "openai", ["model"] = "gpt-4o" },
    };

    [Fact]
    public void Writer_produces_the_documented_bytes_and_hash()
    {
        var (record, line) = AuditRecordWriter.Create(1, new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), GoldenEvent(), AuditRecord.GenesisHash, signer: null);

        Assert.Equal(VerdictLine + "\n", Encoding.ASCII.GetString(line));
        Assert.Equal(VerdictHash, record.Hash);
    }

    [Fact]
    public void Reader_accepts_the_golden_verdict_and_reads_its_fields()
    {
        var record = AuditRecordReader.Parse(Encoding.ASCII.GetBytes(VerdictLine));

        Assert.Equal(1, record.Seq);
        Assert.Equal(VerdictHash, record.Hash);
        Assert.Equal("block", record.Event.Decision);
        Assert.Equal("gpt-4o", record.Event.Extra!["model"]);
        Assert.EndsWith("\t\u202Eend\uFFFD", record.Event.Reason);
    }

    [Fact]
    public void A_checkpoint_signed_outside_dotnet_verifies_with_its_public_key()
    {
        using var key = AuditTrustedKey.FromPem(PythonPublicKey);
        var bytes = Encoding.ASCII.GetBytes(CheckpointLine);
        var record = AuditRecordReader.Parse(bytes);

        Assert.Equal("41bc9f9d3b725125", key.KeyId);
        Assert.Equal(key.KeyId, record.Event.KeyId);
        Assert.True(key.Verify(AuditRecordReader.SignedBytes(bytes), record.Signature!));
    }

    [Fact]
    public void The_golden_log_verifies_as_a_directory()
    {
        using var fixture = new AuditFixture();
        Directory.CreateDirectory(fixture.AuditDir);
        File.WriteAllText(Path.Combine(fixture.AuditDir, "audit-2025-01-02.jsonl"), VerdictLine + "\n" + CheckpointLine + "\n");
        using var key = AuditTrustedKey.FromPem(PythonPublicKey);

        var report = AuditVerifier.Verify(fixture.AuditDir, key);

        Assert.True(report.Intact, report.Failure?.Problem);
        Assert.Equal(2, report.Records);
        Assert.Equal(1, report.Checkpoints);
    }
}
