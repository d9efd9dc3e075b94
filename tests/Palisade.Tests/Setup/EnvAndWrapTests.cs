using System.Diagnostics;
using Palisade.Cli.Agents;
using Palisade.Core.Config;
using Palisade.Tests.Hooks;
using Palisade.Tests.Support;

namespace Palisade.Tests.Setup;

/// <summary><c>palisade env</c> and <c>palisade wrap</c>: the variables, and a real child process that receives them.</summary>
[Collection("PalisadeHomeCollection")]
public sealed class EnvAndWrapTests : IDisposable
{
    private readonly HookHome _home = new();
    private readonly CliRunner.TempDir _dir = new();

    public void Dispose()
    {
        _dir.Dispose();
        _home.Dispose();
    }

    [Fact]
    public void Env_prints_the_gateway_and_proxy_exports_for_sh()
    {
        var result = CliRunner.Run("", "env");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""
            export ANTHROPIC_BASE_URL='http://127.0.0.1:8787/anthropic'
            export OPENAI_BASE_URL='http://127.0.0.1:8787/openai/v1'
            export HTTPS_PROXY='http://127.0.0.1:8787'
            export HTTP_PROXY='http://127.0.0.1:8787'
            export https_proxy='http://127.0.0.1:8787'
            export http_proxy='http://127.0.0.1:8787'
            export NO_PROXY='localhost,127.0.0.1,::1'
            export no_proxy='localhost,127.0.0.1,::1'

            """.ReplaceLineEndings("\n"), result.Out);
    }

    [Fact]
    public void Env_takes_other_listen_addresses_and_shells()
    {
        var result = CliRunner.Run("", "env", "--gateway", "http://10.0.0.2:9000/", "--proxy", "http://10.0.0.3:3128", "--shell", "powershell");

        Assert.Contains("$env:ANTHROPIC_BASE_URL = 'http://10.0.0.2:9000/anthropic'\n", result.Out);
        Assert.Contains("$env:OPENAI_BASE_URL = 'http://10.0.0.2:9000/openai/v1'\n", result.Out);
        Assert.Contains("$env:HTTPS_PROXY = 'http://10.0.0.3:3128'\n", result.Out);
    }

    [Fact]
    public void Env_rejects_an_address_that_is_not_an_http_url()
    {
        var result = CliRunner.Run("", "env", "--gateway", "127.0.0.1:8787");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--gateway: '127.0.0.1:8787' is not an http(s) URL", result.Error);
    }

    [Fact]
    public void Env_asked_to_intercept_without_a_ca_says_to_make_one()
    {
        var result = CliRunner.Run("", "env", "--intercept");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("run 'palisade ca init' first", result.Error);
    }

    [Fact]
    public void Env_sets_the_ca_variables_once_the_ca_exists_with_a_bundle_of_system_roots_and_the_ca()
    {
        var ca = CaBundle.CaPath(_home.Root);
        Directory.CreateDirectory(Path.GetDirectoryName(ca)!);
        File.WriteAllText(ca, "-----BEGIN CERTIFICATE-----\nPALISADE\n-----END CERTIFICATE-----\n");
        var roots = _dir.File("roots.pem");
        File.WriteAllText(roots, "-----BEGIN CERTIFICATE-----\nROOTS\n-----END CERTIFICATE-----\n");

        var vars = AgentEnvironment.For(AgentEndpoints.Default, new PalisadeHome(_home.Root), AgentEnvironment.InterceptionOn(new PalisadeHome(_home.Root), null), [roots], out var warning)
            .ToDictionary(v => v.Key, v => v.Value);

        Assert.Null(warning);
        Assert.Equal(ca, vars["NODE_EXTRA_CA_CERTS"]);
        var bundle = vars["SSL_CERT_FILE"];
        Assert.Equal(bundle, vars["REQUESTS_CA_BUNDLE"]);
        Assert.Equal(bundle, vars["CURL_CA_BUNDLE"]);
        Assert.Equal("-----BEGIN CERTIFICATE-----\nROOTS\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nPALISADE\n-----END CERTIFICATE-----\n", File.ReadAllText(bundle));
        Assert.DoesNotContain("SSL_CERT_FILE", CliRunner.Run("", "env", "--intercept", "false").Out);
    }

    [Fact]
    public void Wrap_passes_the_variables_to_the_child_and_returns_its_exit_code()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Uses sh.");
        var output = _dir.File("env.txt");

        var result = CliRunner.Run("", "wrap", "--", "sh", "-c", "printf '%s %s %s' \"$OPENAI_BASE_URL\" \"$ANTHROPIC_BASE_URL\" \"$HTTPS_PROXY\" > \"$1\"; exit 7", "sh", output);

        Assert.Equal(7, result.ExitCode);
        Assert.Equal("http://127.0.0.1:8787/openai/v1 http://127.0.0.1:8787/anthropic http://127.0.0.1:8787", File.ReadAllText(output));
    }

    [Fact]
    public void Wrap_of_a_command_that_does_not_exist_exits_127_with_a_reason()
    {
        var result = CliRunner.Run("", "wrap", "--", "palisade-no-such-agent-42");

        Assert.Equal(127, result.ExitCode);
        Assert.Contains("cannot run 'palisade-no-such-agent-42'", result.Error);
    }

    [Fact]
    public async Task Wrap_through_the_built_executable_hands_the_child_the_gateway_url()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Uses sh.");
        var start = HookProcessTests.Palisade("wrap", "--gateway", "http://127.0.0.1:9999", "--", "sh", "-c", "echo $OPENAI_BASE_URL");
        start.Environment["PALISADE_HOME"] = _home.Root;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("http://127.0.0.1:9999/openai/v1\n", stdout);
    }
}
