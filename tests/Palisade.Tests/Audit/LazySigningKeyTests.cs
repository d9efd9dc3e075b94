using Palisade.Core.Audit;

namespace Palisade.Tests.Audit;

/// <summary>A log given a key loader loads the key only when a checkpoint falls due (a hook appends one record and exits).</summary>
public sealed class LazySigningKeyTests
{
    [Fact]
    public void Verdicts_need_no_key_and_the_first_checkpoint_loads_it_once()
    {
        using var fixture = new AuditFixture();
        var loads = 0;
        var log = new AuditLog(new AuditLogOptions { Directory = fixture.AuditDir, CheckpointInterval = 4 }, () => { loads++; return fixture.Key; }, fixture.Time);

        log.Append([fixture.Verdict(1)]);
        log.Append([fixture.Verdict(2)]);
        Assert.Equal(0, loads);

        log.Append([fixture.Verdict(3), fixture.Verdict(4), fixture.Verdict(5)]); // seq 4 is a checkpoint
        log.Checkpoint();
        Assert.Equal(1, loads);
        var report = fixture.Verify();
        Assert.True(report.Intact, report.Failure?.Problem);
        Assert.Equal(2, report.Checkpoints);
    }

    [Fact]
    public void A_key_that_cannot_be_loaded_fails_the_checkpoint_as_an_audit_error_and_leaves_the_log_verifiable()
    {
        using var fixture = new AuditFixture();
        var log = new AuditLog(new AuditLogOptions { Directory = fixture.AuditDir }, () => throw new IOException("key file unreadable"), fixture.Time);
        log.Append([fixture.Verdict(1)]);

        var e = Assert.Throws<AuditException>(() => log.Checkpoint());

        Assert.Contains("signing key", e.Message);
        Assert.True(fixture.Verify().Intact);
    }
}
