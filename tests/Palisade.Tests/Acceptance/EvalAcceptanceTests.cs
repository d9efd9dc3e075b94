using System.Text.Json;
using Palisade.Tests.Support;

namespace Palisade.Tests.Acceptance;

public sealed class EvalAcceptanceTests
{
    [Fact]
    public void Missing_corpora_with_format_json_still_print_json_and_exit_0()
    {
        var r = CliRunner.Run("", "eval", "--corpora", "/no/such/corpora", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(0, doc.RootElement.GetProperty("suites").GetArrayLength());
        Assert.Contains("no corpora found at /no/such/corpora", r.Error);
    }

    [Fact]
    public void An_unknown_area_is_a_usage_error_not_an_empty_report()
    {
        var r = CliRunner.Run("", "eval", "--corpora", "/no/such/corpora", "--area", "secret");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("secret", r.Error);
    }
}
