using System.Text;
using Palisade.Core.Audit;

namespace Palisade.Tests.Audit;

/// <summary>A writer that dies mid-record leaves a verifiable prefix; the next writer cuts the torn bytes off and records a gap.</summary>
public sealed class TornTailTests
{
    private static long Truncate(string file, int bytes)
    {
        using var fs = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
        fs.SetLength(fs.Length - bytes);
        return fs.Length;
    }

    [Fact]
    public void A_torn_last_line_fails_verification_naming_it()
    {
        using var fixture = new AuditFixture();
        var log = fixture.NewLog();
        for (var i = 0; i < 10; i++) log.Append([fixture.Verdict(i)]);
        Truncate(fixture.OnlyFile(), 40);

        var report = fixture.Verify();

        Assert.Equal(10, report.Failure!.Line);
        Assert.Contains("incomplete", report.Failure.Problem);
        Assert.Equal(9, report.Records);
    }

    [Fact]
    public void The_next_writer_cuts_a_torn_tail_records_a_gap_and_the_log_verifies()
    {
        using var fixture = new AuditFixture();
        var log = fixture.NewLog();
        for (var i = 0; i < 10; i++) log.Append([fixture.Verdict(i)]);
        var file = fixture.OnlyFile();
        var lines = AuditFixture.ReadLines(file);
        var goodLength = Encoding.ASCII.GetByteCount(string.Concat(lines[..9].Select(l => l + "\n")));
        var tornLength = Truncate(file, 40);

        var written = fixture.NewLog().Append([fixture.Verdict(99)]);

        Assert.Collection(written,
            gap =>
            {
                Assert.Equal(AuditRecordType.Gap, gap.Type);
                Assert.Equal(10, gap.Seq);
                Assert.Equal(tornLength - goodLength, gap.Event.DroppedBytes);
                Assert.Equal(AuditFixture.HashOf(lines[8]), gap.Prev);
                Assert.Contains("incomplete", gap.Event.Reason);
            },
            verdict => Assert.Equal(11, verdict.Seq));
        var report = fixture.Verify();
        Assert.True(report.Intact, report.Failure?.Problem);
        Assert.Equal(1, report.Gaps);
        Assert.Equal(tornLength - goodLength, report.DroppedBytes);
        Assert.True(File.Exists($"{file}.dropped-at-{goodLength}"), "the dropped bytes are kept beside the log for a person to inspect");
    }

    [Fact]
    public void A_complete_last_line_that_does_not_verify_is_cut_as_well()
    {
        using var fixture = new AuditFixture();
        var log = fixture.NewLog();
        for (var i = 0; i < 3; i++) log.Append([fixture.Verdict(i)]);
        File.AppendAllText(fixture.OnlyFile(), "{\"v\":1,\"seq\":4,\"garbage\":true}\n");

        var written = fixture.NewLog().Append([fixture.Verdict(3)]);

        Assert.Equal(AuditRecordType.Gap, written[0].Type);
        Assert.Contains("did not verify", written[0].Event.Reason);
        Assert.True(fixture.Verify().Intact);
    }

    [Fact]
    public void A_new_day_file_holding_only_a_torn_record_is_emptied_and_the_chain_goes_on_from_the_day_before()
    {
        using var fixture = new AuditFixture(new DateTimeOffset(2025, 3, 1, 23, 0, 0, TimeSpan.Zero));
        var log = fixture.NewLog();
        log.Append([fixture.Verdict(1), fixture.Verdict(2)]);
        var dayOneLast = AuditFixture.ReadLines(fixture.OnlyFile())[^1];
        File.WriteAllText(Path.Combine(fixture.AuditDir, "audit-2025-03-02.jsonl"), "{\"v\":1,\"seq\":3,\"ts\":\"2025-03-0");
        fixture.Time.Advance(TimeSpan.FromHours(2));

        var written = fixture.NewLog().Append([fixture.Verdict(3)]);

        Assert.Equal(AuditRecordType.Gap, written[0].Type);
        Assert.Equal(AuditFixture.HashOf(dayOneLast), written[0].Prev);
        Assert.Equal(3, written[0].Seq);
        var report = fixture.Verify();
        Assert.True(report.Intact, report.Failure?.Problem);
        Assert.Equal(2, report.Files);
    }

    [Fact]
    public void Damage_larger_than_the_repair_bound_stops_the_writer_and_changes_nothing()
    {
        using var fixture = new AuditFixture();
        fixture.NewLog().Append([fixture.Verdict(1)]);
        var file = fixture.OnlyFile();
        File.AppendAllText(file, new string('x', 5000) + "\n" + new string('y', 5000));
        var before = File.ReadAllBytes(file);

        var e = Assert.Throws<AuditException>(() => fixture.NewLog(maxRepairBytes: 4096).Append([fixture.Verdict(2)]));

        Assert.Contains("audit verify", e.Message);
        Assert.Equal(before, File.ReadAllBytes(file));
    }

    [Fact]
    public void A_record_from_a_newer_format_is_not_cut_off_as_damage()
    {
        using var fixture = new AuditFixture();
        fixture.NewLog().Append([fixture.Verdict(1)]);
        var file = fixture.OnlyFile();
        var line = AuditFixture.ReadLines(file)[0].Replace("{\"v\":1,", "{\"v\":2,");
        File.AppendAllText(file, AuditFixture.Rehash(line) + "\n");
        var before = File.ReadAllBytes(file);

        var e = Assert.Throws<AuditException>(() => fixture.NewLog().Append([fixture.Verdict(2)]));

        Assert.Contains("newer Palisade", e.Message);
        Assert.Equal(before, File.ReadAllBytes(file));
    }

    [Fact]
    public void A_writer_that_keeps_its_tail_still_notices_a_tail_torn_after_its_own_last_write()
    {
        using var fixture = new AuditFixture();
        var log = fixture.NewLog();
        for (var i = 0; i < 5; i++) log.Append([fixture.Verdict(i)]);
        Truncate(fixture.OnlyFile(), 40);

        var written = log.Append([fixture.Verdict(5)]);

        Assert.Equal(AuditRecordType.Gap, written[0].Type);
        Assert.Equal(5, written[0].Seq);
        Assert.True(fixture.Verify().Intact);
    }

    [Fact]
    public void A_writer_that_keeps_its_tail_chains_after_records_another_writer_appended()
    {
        using var fixture = new AuditFixture();
        var log = fixture.NewLog();
        log.Append([fixture.Verdict(1)]);
        fixture.NewLog().Append([fixture.Verdict(2), fixture.Verdict(3)]);

        var written = log.Append([fixture.Verdict(4)]);

        Assert.Equal(4, Assert.Single(written).Seq);
        Assert.True(fixture.Verify().Intact);
    }
}
