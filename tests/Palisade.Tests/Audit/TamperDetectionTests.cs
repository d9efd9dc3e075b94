using Palisade.Core.Audit;

namespace Palisade.Tests.Audit;

/// <summary>Each way of tampering with a written log is caught, and the report names the record where it shows.</summary>
public sealed class TamperDetectionTests : IDisposable
{
    private readonly AuditFixture _fixture = new();
    private readonly string _file;
    private readonly string[] _lines;

    /// <summary>20 records: verdicts with checkpoints at seq 5, 10, 15, 20 (the last one closing).</summary>
    public TamperDetectionTests()
    {
        var log = _fixture.NewLog(checkpointInterval: 5);
        for (var i = 0; i < 16; i++) log.Append([_fixture.Verdict(i)]);
        log.Append([], checkpoint: true);
        _file = _fixture.OnlyFile();
        _lines = AuditFixture.ReadLines(_file);
        Assert.Equal(20, _lines.Length);
        Assert.True(_fixture.Verify().Intact);
    }

    public void Dispose() => _fixture.Dispose();

    private AuditVerifyFailure Tampered(Action<List<string>> edit)
    {
        var lines = _lines.ToList();
        edit(lines);
        AuditFixture.WriteLines(_file, lines);
        var report = _fixture.Verify();
        Assert.False(report.Intact);
        Assert.Equal(Path.GetFileName(_file), report.Failure!.File);
        return report.Failure;
    }

    [Fact]
    public void Editing_a_field_breaks_that_records_hash()
    {
        var failure = Tampered(l => l[6] = l[6].Replace("\"decision\":\"block\"", "\"decision\":\"allow\""));

        Assert.Equal(7, failure.Line);
        Assert.Equal(7, failure.Seq);
        Assert.Contains("hash does not match", failure.Problem);
    }

    [Fact]
    public void Editing_a_field_and_fixing_its_hash_breaks_the_next_records_prev()
    {
        var failure = Tampered(l => l[6] = AuditFixture.Rehash(l[6].Replace("\"decision\":\"block\"", "\"decision\":\"allow\"")));

        Assert.Equal(8, failure.Line);
        Assert.Contains("prev does not match", failure.Problem);
    }

    [Fact]
    public void Editing_a_field_and_rewriting_the_whole_chain_fails_at_the_next_signed_checkpoint()
    {
        var failure = Tampered(l =>
        {
            var lines = l.ToArray();
            lines[6] = lines[6].Replace("\"decision\":\"block\"", "\"decision\":\"allow\"");
            AuditFixture.RechainFrom(lines, 6);
            l.Clear();
            l.AddRange(lines);
        });

        Assert.Equal(10, failure.Line);
        Assert.Equal(10, failure.Seq);
        Assert.Contains("signature does not verify", failure.Problem);
    }

    [Fact]
    public void Deleting_a_line_is_caught_at_the_record_after_it()
    {
        var failure = Tampered(l => l.RemoveAt(6));

        Assert.Equal(7, failure.Line);
        Assert.Equal(8, failure.Seq);
        Assert.Contains("seq 8 where 7 was expected", failure.Problem);
    }

    [Fact]
    public void Reordering_two_lines_is_caught_at_the_first_of_them()
    {
        var failure = Tampered(l => (l[6], l[7]) = (l[7], l[6]));

        Assert.Equal(7, failure.Line);
        Assert.Equal(8, failure.Seq);
    }

    [Fact]
    public void Deleting_the_first_line_is_caught_because_the_chain_starts_at_genesis()
    {
        var failure = Tampered(l => l.RemoveAt(0));

        Assert.Equal(1, failure.Line);
        Assert.Equal(2, failure.Seq);
    }

    [Fact]
    public void Altering_a_signature_breaks_the_checkpoints_hash()
    {
        var failure = Tampered(l => l[9] = AlterSignature(l[9]));

        Assert.Equal(10, failure.Line);
        Assert.Contains("hash does not match", failure.Problem);
    }

    [Fact]
    public void Altering_the_last_signature_and_rehashing_it_fails_the_signature_check()
    {
        var failure = Tampered(l => l[19] = AuditFixture.Rehash(AlterSignature(l[19])));

        Assert.Equal(20, failure.Line);
        Assert.Contains("signature does not verify", failure.Problem);
    }

    [Fact]
    public void Verifying_with_another_key_fails_at_the_first_checkpoint()
    {
        using var other = AuditSigningKey.Generate();
        using var otherPublic = other.PublicKey();

        var report = AuditVerifier.Verify(_fixture.AuditDir, otherPublic);

        Assert.Equal(5, report.Failure!.Line);
        Assert.Contains("not the trusted key", report.Failure.Problem);
    }

    [Fact]
    public void A_chain_re_signed_with_an_attackers_key_does_not_verify_with_the_trusted_key()
    {
        using var attacker = AuditSigningKey.Generate();
        var forgedDir = Path.Combine(_fixture.Root, "forged");
        var forged = new AuditLog(new AuditLogOptions { Directory = forgedDir, CheckpointInterval = 5 }, attacker, _fixture.Time);
        for (var i = 0; i < 6; i++) forged.Append([_fixture.Verdict(i, Palisade.Core.Model.Decision.Allow)]);
        using var trusted = _fixture.Key.PublicKey();

        var report = AuditVerifier.Verify(forgedDir, trusted);

        Assert.False(report.Intact);
        Assert.Equal(5, report.Failure!.Seq);
    }

    [Fact]
    public void Removing_a_middle_day_file_is_caught_at_the_next_file()
    {
        using var fixture = new AuditFixture(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var log = fixture.NewLog();
        for (var day = 0; day < 3; day++)
        {
            log.Append([fixture.Verdict(day), fixture.Verdict(day + 10)]);
            fixture.Time.Advance(TimeSpan.FromDays(1));
        }
        File.Delete(fixture.Files()[1]);

        var failure = fixture.Verify().Failure!;

        Assert.Equal("audit-2025-03-03.jsonl", failure.File);
        Assert.Equal(1, failure.Line);
    }

    [Fact]
    public void A_duplicated_member_is_not_canonical_even_with_a_matching_hash()
    {
        var failure = Tampered(l => l[6] = AuditFixture.Rehash(l[6].Replace("\"decision\":\"block\"", "\"decision\":\"block\",\"decision\":\"allow\"")));

        Assert.Equal(7, failure.Line);
        Assert.Contains("JSON", failure.Problem);
    }

    [Fact]
    public void An_alternative_escape_is_not_canonical_even_with_a_matching_hash()
    {
        var failure = Tampered(l => l[6] = AuditFixture.Rehash(l[6].Replace("\"surface\":\"gateway\"", "\"surface\":\"gate\\u0077ay\"")));

        Assert.Equal(7, failure.Line);
        Assert.Contains("canonical", failure.Problem);
    }

    private static string AlterSignature(string line)
    {
        var at = line.IndexOf("\"sig\":\"", StringComparison.Ordinal) + 7;
        var flipped = line[at] == 'A' ? 'B' : 'A';
        return line[..at] + flipped + line[(at + 1)..];
    }
}
