using Palisade.Tests.Audit;
using Palisade.Tests.Support;

namespace Palisade.Tests.Gateway.Egress;

/// <summary><c>palisade ca init|trust</c> and the run flags that need them (these tests point PALISADE_HOME at a temporary home).</summary>
[Collection(nameof(PalisadeHomeCollection))]
public sealed class CaCommandTests : IDisposable
{
    private readonly CliRunner.TempDir _home = new();
    private readonly string? _saved = Environment.GetEnvironmentVariable("PALISADE_HOME");

    public CaCommandTests() => Environment.SetEnvironmentVariable("PALISADE_HOME", _home.Path);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PALISADE_HOME", _saved);
        _home.Dispose();
    }

    [Fact]
    public void Ca_init_prints_the_certificate_path_and_keeps_the_key_private_and_a_second_init_keeps_the_CA()
    {
        var first = CliRunner.Run("", "ca", "init");
        Assert.Equal(0, first.ExitCode);
        var pem = Path.Combine(_home.Path, "ca", "palisade-ca.pem");
        Assert.Equal(pem, first.Out.Trim());
        Assert.True(File.Exists(pem));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_home.Path, "ca", "palisade-ca.key")));
        var certificate = File.ReadAllText(pem);
        var second = CliRunner.Run("", "ca", "init");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already exists", second.Error);
        Assert.Equal(certificate, File.ReadAllText(pem));
    }

    [Fact]
    public void Ca_trust_needs_a_CA_then_prints_instructions_for_each_OS()
    {
        var none = CliRunner.Run("", "ca", "trust");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("palisade ca init", none.Error);
        CliRunner.Run("", "ca", "init");
        var trust = CliRunner.Run("", "ca", "trust");
        Assert.Equal(0, trust.ExitCode);
        foreach (var expected in new[] { "update-ca-certificates", "update-ca-trust", "add-trusted-cert", "Cert:\\LocalMachine\\Root", "NODE_EXTRA_CA_CERTS", "--cacert" })
            Assert.Contains(expected, trust.Out);
        Assert.Contains(Path.Combine(_home.Path, "ca", "palisade-ca.pem"), trust.Out);
    }

    [Fact]
    public void Run_with_intercept_but_no_CA_says_to_run_ca_init()
    {
        var r = CliRunner.Run("", "run", "--intercept", "--listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("palisade ca init", r.Error);
    }

    [Fact]
    public void Run_with_a_malformed_trust_host_is_a_usage_error_naming_the_flag()
    {
        var r = CliRunner.Run("", "run", "--trust-host", "http://localhost:3000/", "--listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--trust-host", r.Error);
    }
}
