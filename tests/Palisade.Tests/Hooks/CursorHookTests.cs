using System.Text.Json.Nodes;

namespace Palisade.Tests.Hooks;

/// <summary>Cursor's hook payloads (hooks.json version 1) through the real command line, and the exact answers.</summary>
[Collection("PalisadeHomeCollection")]
public sealed class CursorHookTests : IDisposable
{

    private readonly HookHome _home = new();
    public void Dispose() => _home.Dispose();

    /// <summary>The fields every Cursor hook input carries, then the event's own.</summary>
    private static string Input(string hookEvent, string fields)
    {
        var input = new JsonObject
        {
            ["hook_event_name"] = hookEvent, ["conversation_id"] = "c-41", ["generation_id"] = "g-7",
            ["workspace_roots"] = new JsonArray("/home/u/proj"),
        };
        foreach (var (key, value) in JsonNode.Parse(fields)!.AsObject().ToList()) input[key] = value?.DeepClone();
        return input.ToJsonString();
    }

    private void AssertPermission(string hookEvent, string fields, string permission, string rule, params string[] extraArgs)
    {
        var result = _home.Run(Input(hookEvent, fields), ["cursor", .. extraArgs]);

        Assert.Equal(0, result.ExitCode);
        var answer = HookAssert.Keys(result.Out, "permission", "user_message", "agent_message");
        Assert.Equal(permission, answer.GetProperty("permission").GetString());
        var record = Assert.Single(_home.Verdicts());
        HookAssert.Reason(answer.GetProperty("user_message").GetString()!, permission == "deny" ? "blocked:" : "held for review:", rule, record);
        Assert.Equal(answer.GetProperty("user_message").GetString(), answer.GetProperty("agent_message").GetString());
        Assert.Equal("cursor", record.GetProperty("agent").GetString());
        Assert.Equal("c-41", record.GetProperty("session").GetString());
    }

    private void AssertAnswer(string hookEvent, string fields, string exact)
    {
        var result = _home.Run(Input(hookEvent, fields), "cursor");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(exact + Environment.NewLine, result.Out);
    }

    [Fact]
    public void beforeShellExecution_of_a_root_delete_is_denied() =>
        AssertPermission("beforeShellExecution", """{"command":"rm -rf / --no-preserve-root","cwd":"/home/u/proj"}""", "deny", "path-top-level-delete");

    [Fact]
    public void beforeShellExecution_of_an_ordinary_command_answers_no_permission() =>
        AssertAnswer("beforeShellExecution", """{"command":"npm test","cwd":"/home/u/proj"}""", "{}");

    [Fact]
    public void beforeMCPExecution_reads_tool_input_sent_as_a_json_string() =>
        AssertPermission("beforeMCPExecution", """{"tool_name":"fetch","tool_input":"{\"url\":\"http://169.254.169.254/latest/meta-data/\"}","url":"http://localhost:3000"}""", "deny", "egress-metadata");

    [Fact]
    public void beforeMCPExecution_reads_tool_input_sent_as_an_object() =>
        AssertPermission("beforeMCPExecution", """{"tool_name":"read_text_file","tool_input":{"path":"/etc/shadow"},"command":"npx @modelcontextprotocol/server-filesystem /"}""", "deny", "path-password-hashes");

    [Fact]
    public void preToolUse_in_interactive_mode_asks() =>
        AssertPermission("preToolUse", """{"tool_name":"Shell","tool_input":{"command":"cat ~/.ssh/id_ed25519"}}""", "ask", "path-ssh-private-key", "--mode", "interactive");

    [Fact]
    public void beforeReadFile_of_a_credentials_file_is_denied() =>
        AssertPermission("beforeReadFile", """{"file_path":"/home/u/.aws/credentials","content":"[default]\n","attachments":[]}""", "deny", "path-aws-credentials");

    [Fact]
    public void beforeReadFile_whose_content_holds_a_secret_is_denied_without_repeating_it()
    {
        AssertPermission("beforeReadFile", $$"""{"file_path":"/home/u/proj/notes.txt","content":"OPENAI_API_KEY={{ClaudeCodeHookTests.OpenAiKey}}"}""", "deny", "openai-api-key");
        Assert.DoesNotContain(ClaudeCodeHookTests.OpenAiKey[8..30], string.Join("\n", _home.AuditRecords().Select(r => r.GetRawText())));
    }

    [Fact]
    public void beforeReadFile_of_ordinary_source_answers_no_permission() =>
        AssertAnswer("beforeReadFile", """{"file_path":"/home/u/proj/src/a.ts","content":"export const a = 1;\n"}""", "{}");

    [Fact]
    public void beforeSubmitPrompt_with_a_secret_does_not_continue()
    {
        var result = _home.Run(Input("beforeSubmitPrompt", $$"""{"prompt":"use {{ClaudeCodeHookTests.OpenAiKey}} please","attachments":[]}"""), "cursor");

        var answer = HookAssert.Keys(result.Out, "continue", "user_message");
        Assert.False(answer.GetProperty("continue").GetBoolean());
        HookAssert.Reason(answer.GetProperty("user_message").GetString()!, "blocked:", "openai-api-key", Assert.Single(_home.Verdicts()));
    }

    [Fact]
    public void beforeSubmitPrompt_of_an_ordinary_prompt_continues() =>
        AssertAnswer("beforeSubmitPrompt", """{"prompt":"Add a unit test for the parser","attachments":[]}""", """{"continue":true}""");
}
