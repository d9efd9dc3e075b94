using System.Text.Json;
using Palisade.Cli;
using Palisade.Core.Audit;

namespace Palisade.Tests.Audit;

/// <summary>These tests point PALISADE_HOME at a temporary home, so they run alone, not beside other tests.</summary>
[CollectionDefinition(nameof(PalisadeHomeCollection), DisableParallelization = true)]
public sealed class PalisadeHomeCollection;

[Collection(nameof(PalisadeHomeCollection))]
public sealed class AuditCliTests : IDisposable
{
    // A fake AWS access key and a fake OpenAI key: the record must show neither, only redacted evidence.
    private const string AwsKey = "AKIAQ7XKZ3M5N2P4R6T8";
    private const string OpenAiKey = "sk-proj-7Hq2Lm9Xv4Rt8Kp3Nw6Yz1Bc5Df0Gh2Jk4Mn7Pq9St3Vw6T3BlbkFJx8Yz2Ab5Cd7Ef9Gh1Jk3Lm5Np7Qr9St1Uv3Wx5";

    private readonly AuditFixture _fixture = new();
    private readonly string? _savedHome = Environment.GetEnvironmentVariable("PALISADE_HOME");

    public AuditCliTests() => Environment.SetEnvironmentVariable("PALISADE_HOME", Home);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PALISADE_HOME", _savedHome);
        _fixture.Dispose();
    }

    private string Home => Path.Combine(_fixture.Root, "home");
    private string PublicKey => Path.Combine(Home, "keys", AuditSigningKey.PublicKeyFileName);

    private static (int Exit, string Out, string Err) Run(string stdin, params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var exit = Program.Run(args, new CliConsole(new StringReader(stdin), o, e));
        return (exit, o.ToString(), e.ToString());
    }

    [Fact]
    public void Scan_with_audit_records_the_verdict_and_a_closing_checkpoint_without_the_secret()
    {
        var (exit, _, err) = Run($"deploy with AWS_ACCESS_KEY_ID={AwsKey} and OPENAI_API_KEY={OpenAiKey}", "scan", "--audit", _fixture.AuditDir);

        Assert.Equal(ExitCodes.Stopped, exit);
        var text = File.ReadAllText(_fixture.OnlyFile());
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        var verdict = AuditRecordReader.Parse(System.Text.Encoding.ASCII.GetBytes(lines[0]));
        Assert.Equal("scan", verdict.Event.Surface);
        Assert.Contains(verdict.Event.Findings!, f => f.Rule == "openai-api-key");
        Assert.Contains("\"type\":\"checkpoint\"", lines[1]);
        Assert.DoesNotContain(AwsKey, text);
        Assert.DoesNotContain(AwsKey[4..16], text);
        Assert.DoesNotContain(OpenAiKey, text);
        Assert.DoesNotContain(OpenAiKey[8..40], text);
        Assert.Equal("", err);
    }

    [Fact]
    public void Batch_scan_with_audit_records_one_verdict_per_input_with_its_id()
    {
        var input = string.Concat(Enumerable.Range(0, 300).Select(i => $"{{\"id\":\"in-{i}\",\"content\":\"hello {i}\"}}\n")) + "not json\n";

        var (exit, _, _) = Run(input, "scan", "--batch", "--audit", _fixture.AuditDir);

        Assert.Equal(ExitCodes.Stopped, exit); // the bad line, not the audit
        var records = AuditFixture.ReadLines(_fixture.OnlyFile()).Select(l => AuditRecordReader.Parse(System.Text.Encoding.ASCII.GetBytes(l))).ToList();
        var verdicts = records.Where(r => r.Type == AuditRecordType.Verdict).ToList();
        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"in-{i}"), verdicts.Select(r => r.Event.Extra!["id"]));
        Assert.Equal(AuditRecordType.Checkpoint, records[^1].Type);
        Assert.Equal(ExitCodes.Ok, Run("", "audit", "verify", _fixture.AuditDir).Exit);
    }

    [Fact]
    public void Verify_exits_0_when_intact_and_prints_the_counts()
    {
        Run("hello", "scan", "--audit", _fixture.AuditDir);
        Run("hello again", "scan", "--audit", _fixture.AuditDir);

        var (exit, output, _) = Run("", "audit", "verify", _fixture.AuditDir);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("intact", output);
        Assert.Contains("4 records, 2 checkpoints", output);
    }

    [Fact]
    public void Verify_defaults_to_the_homes_audit_directory_and_key()
    {
        Run("hello", "scan", "--audit", Path.Combine(Home, "audit"));

        Assert.Equal(ExitCodes.Ok, Run("", "audit", "verify").Exit);
    }

    [Fact]
    public void Verify_exits_1_and_names_the_first_broken_record()
    {
        for (var i = 0; i < 3; i++) Run($"hello {i}", "scan", "--audit", _fixture.AuditDir);
        var file = _fixture.OnlyFile();
        var lines = AuditFixture.ReadLines(file);
        lines[2] = lines[2].Replace("\"decision\":\"allow\"", "\"decision\":\"block\"");
        AuditFixture.WriteLines(file, lines);

        var (exit, output, _) = Run("", "audit", "verify", _fixture.AuditDir, "--format", "json");

        Assert.Equal(ExitCodes.Stopped, exit);
        using var doc = JsonDocument.Parse(output);
        var failure = doc.RootElement.GetProperty("failure");
        Assert.False(doc.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(Path.GetFileName(file), failure.GetProperty("file").GetString());
        Assert.Equal(3, failure.GetProperty("line").GetInt64());
        Assert.Equal(3, failure.GetProperty("seq").GetInt64());
    }

    [Fact]
    public void Verify_with_a_key_that_did_not_sign_exits_1()
    {
        Run("hello", "scan", "--audit", _fixture.AuditDir);
        var other = Path.Combine(_fixture.Root, "other.pub.pem");
        File.WriteAllText(other, _fixture.Key.PublicKeyPem);

        var (exit, output, _) = Run("", "audit", "verify", _fixture.AuditDir, "--key", other);

        Assert.Equal(ExitCodes.Stopped, exit);
        Assert.Contains("not the trusted key", output);
    }

    [Fact]
    public void Verify_exits_2_for_a_missing_directory_or_an_unusable_key()
    {
        Run("hello", "scan", "--audit", _fixture.AuditDir);
        var garbage = Path.Combine(_fixture.Root, "garbage.pem");
        File.WriteAllText(garbage, "not a key");

        Assert.Equal(ExitCodes.UsageError, Run("", "audit", "verify", Path.Combine(_fixture.Root, "nope")).Exit);
        Assert.Equal(ExitCodes.UsageError, Run("", "audit", "verify", _fixture.AuditDir, "--key", Path.Combine(_fixture.Root, "missing.pem")).Exit);
        var (exit, _, err) = Run("", "audit", "verify", _fixture.AuditDir, "--key", garbage);
        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("--key", err);
        Assert.Equal(ExitCodes.UsageError, Run("", "audit", "verify", _fixture.AuditDir, "--format", "yaml").Exit);
        Assert.Equal(ExitCodes.Ok, Run("", "audit", "verify", _fixture.AuditDir, "--key", PublicKey).Exit);
    }

    [Fact]
    public void Tail_prints_the_newest_records_oldest_first()
    {
        for (var i = 0; i < 3; i++) Run($"hello {i}", "scan", "--audit", _fixture.AuditDir);

        var (exit, output, _) = Run("", "audit", "tail", _fixture.AuditDir, "-n", "2");

        Assert.Equal(ExitCodes.Ok, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"seq\":5,", lines[0]);
        Assert.Contains("\"seq\":6,", lines[1]);
    }

    [Fact]
    public void Scan_with_an_unwritable_audit_directory_exits_2()
    {
        var blocker = Path.Combine(_fixture.Root, "a-file");
        File.WriteAllText(blocker, "");

        var (exit, _, err) = Run("hello", "scan", "--audit", Path.Combine(blocker, "audit"));

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("--audit", err);
    }
}
