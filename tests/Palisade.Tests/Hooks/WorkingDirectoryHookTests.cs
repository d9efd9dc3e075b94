namespace Palisade.Tests.Hooks;

/// <summary>
/// The hook's <c>cwd</c> is where relative paths start: a file named relative to a credential directory, or a whole
/// credential directory archived from where the agent stands, is judged as what it is, through the real command line.
/// </summary>
[Collection("PalisadeHomeCollection")]
public sealed class WorkingDirectoryHookTests : IDisposable
{
    private readonly HookHome _home = new();
    public void Dispose() => _home.Dispose();

    private static string Pre(string cwd, string tool, string input) =>
        $$"""{"session_id":"5a1c","cwd":"{{cwd}}","permission_mode":"default","hook_event_name":"PreToolUse","tool_name":"{{tool}}","tool_input":{{input}}}""";

    private void AssertDecided(string cwd, string tool, string input, string rule, string decision)
    {
        var result = _home.Run(Pre(cwd, tool, input), "claude-code");

        Assert.Equal(0, result.ExitCode);
        var output = HookAssert.Keys(result.Out, "hookSpecificOutput.hookEventName", "hookSpecificOutput.permissionDecision", "hookSpecificOutput.permissionDecisionReason")
            .GetProperty("hookSpecificOutput");
        Assert.Equal(decision, output.GetProperty("permissionDecision").GetString());
        HookAssert.Reason(output.GetProperty("permissionDecisionReason").GetString()!, decision == "deny" ? "blocked:" : "held for review:", rule, Assert.Single(_home.Verdicts()));
    }

    [Theory]
    [InlineData("/home/u/.aws", "Bash", """{"command":"cat credentials"}""", "path-aws-credentials")]
    [InlineData("/home/u/.aws", "Read", """{"file_path":"credentials"}""", "path-aws-credentials")]
    [InlineData("/home/u", "Bash", """{"command":"cd .aws && cat credentials"}""", "path-aws-credentials")]
    [InlineData("/home/u/.ssh", "Bash", """{"command":"tar czf /tmp/a.tgz ."}""", "path-credential-directory")]
    [InlineData("/home/u", "Bash", """{"command":"zip -r /tmp/k.zip .aws"}""", "path-credential-directory")]
    [InlineData("/home/u", "Bash", """{"command":"tar czf /tmp/c.tgz .config"}""", "path-gcloud-credentials")]
    public void A_relative_credential_read_from_the_hooks_cwd_is_denied(string cwd, string tool, string input, string rule) =>
        AssertDecided(cwd, tool, input, rule, "deny");

    [Fact]
    public void Archiving_the_home_directory_from_home_asks_the_person() =>
        AssertDecided("/home/u", "Bash", """{"command":"tar czf /tmp/home.tgz ."}""", "cmd-home-read-whole", "ask");

    [Theory]
    [InlineData("/home/u/proj", "Bash", """{"command":"tar czf /tmp/src.tgz ."}""")]
    [InlineData("/home/u/proj", "Bash", """{"command":"cp -r src /tmp/src-copy"}""")]
    [InlineData("/home/u/proj", "Read", """{"file_path":"credentials"}""")]
    public void The_same_commands_in_a_project_answer_nothing(string cwd, string tool, string input)
    {
        var result = _home.Run(Pre(cwd, tool, input), "claude-code");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("allow", Assert.Single(_home.Verdicts()).GetProperty("decision").GetString());
    }
}
