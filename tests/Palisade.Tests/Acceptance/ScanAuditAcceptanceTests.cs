using Palisade.Tests.Support;

namespace Palisade.Tests.Acceptance;

public sealed class ScanAuditAcceptanceTests
{
    [Fact]
    public void An_audit_path_that_is_a_file_is_a_usage_error_that_says_so_and_the_file_is_left_alone()
    {
        using var dir = new CliRunner.TempDir();
        File.WriteAllText(dir.File("notes.txt"), "mine");
        var r = CliRunner.Run("hello", "scan", "--audit", dir.File("notes.txt"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is a file", r.Error);
        Assert.Equal("mine", File.ReadAllText(dir.File("notes.txt")));
    }
}
