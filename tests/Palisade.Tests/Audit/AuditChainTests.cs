using Palisade.Core.Audit;

namespace Palisade.Tests.Audit;

public sealed class AuditChainTests
{
    [Fact]
    public void Records_chain_across_a_day_rollover_with_checkpoints_every_interval()
    {
        using var fixture = new AuditFixture(new DateTimeOffset(2025, 3, 1, 23, 59, 58, TimeSpan.Zero));
        var log = fixture.NewLog(checkpointInterval: 16);
        var written = new List<AuditRecord>();
        for (var i = 0; i < 100; i++)
        {
            written.AddRange(log.Append([fixture.Verdict(i)]));
            fixture.Time.Advance(TimeSpan.FromMilliseconds(50));
        }
        written.AddRange(log.Append([], checkpoint: true));

        var files = fixture.Files();
        Assert.Equal(["audit-2025-03-01.jsonl", "audit-2025-03-02.jsonl"], files.Select(Path.GetFileName));
        Assert.Equal(Enumerable.Range(1, written.Count).Select(i => (long)i), written.Select(r => r.Seq));
        Assert.All(written.Where(r => r.Seq % 16 == 0), r => Assert.Equal(AuditRecordType.Checkpoint, r.Type));
        Assert.Equal(AuditRecordType.Checkpoint, written[^1].Type);

        // The first record of the new day continues the chain from the last one of the old day.
        var lastOfDayOne = AuditFixture.ReadLines(files[0])[^1];
        var firstOfDayTwo = AuditRecordReader.Parse(System.Text.Encoding.ASCII.GetBytes(AuditFixture.ReadLines(files[1])[0]));
        Assert.Equal(AuditFixture.HashOf(lastOfDayOne), firstOfDayTwo.Prev);

        var report = fixture.Verify();
        Assert.True(report.Intact, report.Failure?.Problem);
        Assert.Equal(2, report.Files);
        Assert.Equal(written.Count, report.Records);
        Assert.Equal(written.Count(r => r.Type == AuditRecordType.Checkpoint), report.Checkpoints);
        Assert.Equal(0, report.UnsignedTail);
    }

    [Fact]
    public void A_clock_stepping_back_past_midnight_keeps_writing_to_the_newest_file()
    {
        using var fixture = new AuditFixture(new DateTimeOffset(2025, 3, 2, 0, 0, 1, TimeSpan.Zero));
        var log = fixture.NewLog();
        log.Append([fixture.Verdict(1)]);
        fixture.Time.Set(new DateTimeOffset(2025, 3, 1, 23, 59, 59, TimeSpan.Zero));
        log.Append([fixture.Verdict(2)]);

        Assert.Equal("audit-2025-03-02.jsonl", Path.GetFileName(fixture.OnlyFile()));
        Assert.True(fixture.Verify().Intact);
    }

    [Fact]
    public void A_new_writer_continues_the_chain_an_earlier_one_left()
    {
        using var fixture = new AuditFixture();
        fixture.NewLog().Append([fixture.Verdict(1), fixture.Verdict(2)]);

        var next = fixture.NewLog().Append([fixture.Verdict(3)]);

        Assert.Equal(3, Assert.Single(next).Seq);
        Assert.True(fixture.Verify().Intact);
    }

    [Fact]
    public void Closing_checkpoint_is_not_repeated_when_the_log_already_ends_with_one()
    {
        using var fixture = new AuditFixture();
        var log = fixture.NewLog();
        log.Append([fixture.Verdict()], checkpoint: true);

        Assert.Null(log.Checkpoint());
        Assert.Null(fixture.NewLog().Checkpoint());
        Assert.Equal(2, fixture.Verify().Records);
    }

    [Fact]
    public void An_empty_directory_verifies_as_an_empty_log()
    {
        using var fixture = new AuditFixture();
        Directory.CreateDirectory(fixture.AuditDir);

        var report = fixture.Verify();

        Assert.True(report.Intact);
        Assert.Equal(0, report.Records);
    }

    [Fact]
    public void Callers_cannot_append_checkpoints_or_gaps_themselves()
    {
        using var fixture = new AuditFixture();
        var forged = new AuditEvent { Type = AuditRecordType.Checkpoint, EventId = "x", KeyId = "0000000000000000" };

        Assert.Throws<ArgumentException>(() => fixture.NewLog().Append([forged]));
    }

    [Fact]
    public void Extra_keys_must_be_snake_case()
    {
        Assert.Throws<ArgumentException>(() => new AuditEvent
        {
            Type = AuditRecordType.Start, EventId = "x", Extra = new Dictionary<string, string> { ["Bad Key"] = "v" },
        });
    }

    [Fact]
    public void Event_ids_sort_by_time()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var ids = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(AuditEvent.NewId(time));
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Every_record_written_reads_back_byte_for_byte()
    {
        using var fixture = new AuditFixture();
        var log = fixture.NewLog(checkpointInterval: 4);
        log.Append([.. Enumerable.Range(0, 10).Select(i => fixture.Verdict(i)), AuditEvent.Start("gateway", AuditEvent.NewId(fixture.Time))], checkpoint: true);

        foreach (var line in AuditFixture.ReadLines(fixture.OnlyFile()))
        {
            var bytes = System.Text.Encoding.ASCII.GetBytes(line);
            Assert.Equal(bytes, AuditRecordWriter.Serialize(AuditRecordReader.Parse(bytes)));
        }
    }
}
