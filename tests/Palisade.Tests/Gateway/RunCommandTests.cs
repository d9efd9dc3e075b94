using Palisade.Tests.Audit;
using Palisade.Tests.Support;

namespace Palisade.Tests.Gateway;

/// <summary><c>palisade run</c>'s start-up failures: each ends with a reason and an exit code, never a stack trace or a gateway without a recorder.</summary>
[Collection(nameof(PalisadeHomeCollection))]
public sealed class RunCommandTests : IDisposable
{
    private readonly CliRunner.TempDir _home = new();
    private readonly string? _saved = Environment.GetEnvironmentVariable("PALISADE_HOME");

    public RunCommandTests() => Environment.SetEnvironmentVariable("PALISADE_HOME", _home.Path);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PALISADE_HOME", _saved);
        _home.Dispose();
    }

    [Theory]
    [InlineData("--provider", "openai")]
    [InlineData("--provider", "openai=ftp://example.com")]
    [InlineData("--listen", "not-an-address")]
    [InlineData("--mode", "relaxed")]
    public void A_bad_flag_is_a_usage_error_that_names_it(string flag, string value)
    {
        var r = CliRunner.Run("", "run", flag, value, "--listen", flag == "--listen" ? value : "127.0.0.1:0", "--admin-listen", "127.0.0.1:0");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(flag, r.Error);
    }

    [Fact]
    public void An_audit_directory_that_cannot_be_written_stops_the_start_with_a_reason()
    {
        var notADirectory = _home.File("audit-file");
        File.WriteAllText(notADirectory, "a file, not a directory");
        var r = CliRunner.Run("", "run", "--audit-dir", notADirectory, "--listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("cannot start", r.Error);
        Assert.Contains("--audit-dir", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }
}
