using Palisade.Core.Audit;

namespace Palisade.Tests.Audit;

public sealed class AuditRecorderTests
{
    [Fact]
    public async Task Appends_complete_once_written_and_dispose_closes_with_a_checkpoint()
    {
        using var fixture = new AuditFixture();
        AuditRecord[] records;
        await using (var recorder = new AuditRecorder(fixture.NewLog(checkpointInterval: 100), new AuditRecorderOptions { Capacity = 64, MaxBatch = 16 }))
        {
            records = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => recorder.AppendAsync(fixture.Verdict(i), TestContext.Current.CancellationToken)));
            Assert.True(recorder.Health.Healthy);
            Assert.Equal(records.Max(r => r.Seq), recorder.Health.LastSeq);
        }

        Assert.All(records, r => Assert.Equal(AuditRecordType.Verdict, r.Type));
        var lines = AuditFixture.ReadLines(fixture.OnlyFile());
        Assert.Contains("\"type\":\"checkpoint\"", lines[^1]);
        var report = fixture.Verify();
        Assert.True(report.Intact, report.Failure?.Problem);
        Assert.Equal(500, report.Records - report.Checkpoints);
    }

    [Fact]
    public async Task A_write_that_fails_faults_the_callers_task_and_marks_the_recorder_unhealthy_until_one_succeeds()
    {
        using var fixture = new AuditFixture();
        Directory.CreateDirectory(fixture.AuditDir);
        await using var recorder = new AuditRecorder(fixture.NewLog(lockTimeout: TimeSpan.FromMilliseconds(20)));

        using (new FileStream(Path.Combine(fixture.AuditDir, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var e = await Assert.ThrowsAsync<AuditException>(() => recorder.AppendAsync(fixture.Verdict(1), TestContext.Current.CancellationToken));
            Assert.Contains("could not lock", e.Message);
            Assert.False(recorder.Health.Healthy);
            Assert.Contains("could not lock", recorder.Health.LastError);
            Assert.Equal(fixture.Time.GetUtcNow(), recorder.Health.LastErrorAt);
        }

        var record = await recorder.AppendAsync(fixture.Verdict(2), TestContext.Current.CancellationToken);
        Assert.Equal(1, record.Seq);
        Assert.True(recorder.Health.Healthy);
    }

    [Fact]
    public async Task Appending_after_dispose_fails_clearly()
    {
        using var fixture = new AuditFixture();
        var recorder = new AuditRecorder(fixture.NewLog());
        await recorder.DisposeAsync();

        var e = await Assert.ThrowsAsync<AuditException>(() => recorder.AppendAsync(fixture.Verdict(), TestContext.Current.CancellationToken));
        Assert.Contains("closed", e.Message);
    }

    [Fact]
    public void A_held_lock_makes_a_one_shot_append_throw_after_its_bound()
    {
        using var fixture = new AuditFixture();
        Directory.CreateDirectory(fixture.AuditDir);
        using var held = new FileStream(Path.Combine(fixture.AuditDir, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var e = Assert.Throws<AuditException>(() => fixture.NewLog(lockTimeout: TimeSpan.FromMilliseconds(20)).Append([fixture.Verdict()]));

        Assert.Contains("could not lock", e.Message);
        Assert.Empty(fixture.Files());
    }
}
