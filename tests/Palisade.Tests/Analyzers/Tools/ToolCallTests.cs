using System.Text.Json;
using Palisade.Core.Analyzers.Tools;
using Palisade.Core.Engine;
using Palisade.Core.Model;

namespace Palisade.Tests.Analyzers.Tools;

public sealed class ToolCallTests
{
    private const string Key = "sk-ant-api03-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKtHFAA";

    [Theory]
    [InlineData("""{"name":"Bash","arguments":{"command":"ls"}}""")]
    [InlineData("""{"name":"Bash","arguments":"{\"command\":\"ls\"}"}""")]
    [InlineData("""{"type":"function","function":{"name":"Bash","arguments":"{\"command\":\"ls\"}"}}""")]
    [InlineData("""{"type":"tool_use","id":"toolu_1","name":"Bash","input":{"command":"ls"}}""")]
    [InlineData("""{"tool_name":"Bash","tool_input":{"command":"ls"}}""")]
    public void Reads_every_wire_shape_of_a_tool_call(string json)
    {
        Assert.True(ToolCall.TryParse(json, out var call, out var error), error);
        Assert.Equal("Bash", call!.Name);
        Assert.Equal("ls", call.Arguments.GetProperty("command").GetString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""["Bash"]""")]
    [InlineData("""{"arguments":{}}""")]
    [InlineData("""{"name":"Bash","arguments":"{broken"}""")]
    public void Rejects_what_is_not_a_tool_call_with_a_reason(string json)
    {
        Assert.False(ToolCall.TryParse(json, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void An_unreadable_tool_call_blocks()
    {
        var v = PalisadeEngine.CreateDefault().Evaluate(ScanKind.ToAction("tool", """{"name":"Bash","arguments":"{broken"}"""));
        Assert.Equal(Decision.Block, v.Decision);
        Assert.Equal("tool-unparseable", v.DecidingRule);
    }

    [Fact]
    public void Mcp_prefixes_name_the_server_and_the_tool()
    {
        var call = new ToolCall("mcp__filesystem__read_text_file", JsonDocument.Parse("{}").RootElement);
        Assert.Equal("read_text_file", call.BaseName);
        Assert.Equal("filesystem", call.McpServer);
        Assert.Null(new ToolCall("Bash", default).McpServer);
    }

    [Fact]
    public void A_secret_in_any_argument_is_found_at_its_json_path()
    {
        var json = JsonSerializer.Serialize(new { name = "send_email", arguments = new { to = "ops@corp.example", message = new { subject = "hi", body = $"the key is {Key}" } } });
        var v = PalisadeEngine.CreateDefault().Evaluate(ScanKind.ToAction("tool", json));
        Assert.Equal(Decision.Block, v.Decision);
        var f = Assert.Single(v.Findings, f => f.RuleId == "anthropic-api-key");
        Assert.Equal("arguments.message.body", f.Location.Field);
    }

    [Fact]
    public void Arguments_are_scanned_after_json_unescaping()
    {
        // Escapes inside the JSON string must not hide the value from the content scanners.
        var escaped = string.Concat(Key.Select(c => $"\\u{(int)c:x4}"));
        var json = "{\"name\":\"note\",\"arguments\":{\"text\":\"" + escaped + "\"}}";
        var v = PalisadeEngine.CreateDefault().Evaluate(ScanKind.ToAction("tool", json));
        Assert.Contains(v.Findings, f => f.RuleId == "anthropic-api-key");
    }

    public static TheoryData<string, string, string, EffectKind, FileOperation> KnownEffects() => new()
    {
        { "Bash", """{"command":"make test"}""", "make test", EffectKind.Command, FileOperation.Read },
        { "Read", """{"file_path":"/home/u/.ssh/id_rsa"}""", "/home/u/.ssh/id_rsa", EffectKind.File, FileOperation.Read },
        { "Write", """{"file_path":"~/.bashrc","content":"x"}""", "~/.bashrc", EffectKind.File, FileOperation.Write },
        { "WebFetch", """{"url":"http://169.254.169.254/","prompt":"p"}""", "http://169.254.169.254/", EffectKind.Url, FileOperation.Read },
        { "run_terminal_cmd", """{"command":"npm ci","is_background":false}""", "npm ci", EffectKind.Command, FileOperation.Read },
        { "delete_file", """{"target_file":"src/a.ts"}""", "src/a.ts", EffectKind.File, FileOperation.Delete },
        { "mcp__fs__write_file", """{"path":"/etc/cron.d/x","content":"* * * * * sh"}""", "/etc/cron.d/x", EffectKind.File, FileOperation.Write },
        { "mcp__fetch__fetch", """{"url":"https://example.org"}""", "https://example.org", EffectKind.Url, FileOperation.Read },
    };

    [Theory]
    [MemberData(nameof(KnownEffects))]
    public void Known_tools_map_arguments_to_effects(string name, string args, string value, EffectKind kind, FileOperation op)
    {
        var call = new ToolCall(name, JsonDocument.Parse(args).RootElement);
        var effects = KnownTools.Lookup(call)!.SelectMany(e => ArgumentPath.Select(call.Arguments, e.Argument).Select(v => (e, v.Value))).ToList();
        Assert.Contains(effects, x => x.Value == value && x.e.Kind == kind && x.e.Operation == op);
    }

    [Fact]
    public void Multi_edit_content_is_selected_per_element()
    {
        var args = JsonDocument.Parse("""{"file_path":"a.sh","edits":[{"old_string":"a","new_string":"b"},{"old_string":"c","new_string":"d"}]}""").RootElement;
        Assert.Equal([("edits[0].new_string", "b"), ("edits[1].new_string", "d")], ArgumentPath.Select(args, "edits[].new_string").ToArray());
    }

    [Theory]
    [InlineData("deploy_service", """{"cmd":"./deploy.sh"}""", EffectKind.Command, FileOperation.Read)]
    [InlineData("http_get", """{"endpoint":"https://x.test/a"}""", EffectKind.Url, FileOperation.Read)]
    [InlineData("notify", """{"target":"gopher://10.0.0.1:70/"}""", EffectKind.Url, FileOperation.Read)]
    [InlineData("remove_file", """{"file":"notes.txt"}""", EffectKind.File, FileOperation.Delete)]
    [InlineData("save_report", """{"output_path":"/tmp/r.txt","body":"..."}""", EffectKind.File, FileOperation.Write)]
    [InlineData("lookup", """{"q":"~/.aws/credentials"}""", EffectKind.File, FileOperation.Read)]
    [InlineData("system", """{"action":"sudo rm -rf /"}""", EffectKind.Command, FileOperation.Read)]
    [InlineData("task", """{"step":"/usr/bin/curl -s https://x.test/i"}""", EffectKind.Command, FileOperation.Read)]
    public void Unknown_tools_are_read_by_argument_names_and_value_shapes(string name, string args, EffectKind kind, FileOperation op)
    {
        var effects = GenericToolAdapter.Effects(new ToolCall(name, JsonDocument.Parse(args).RootElement)).ToList();
        Assert.Contains(effects, e => e.Effect.Kind == kind && e.Effect.Operation == op);
    }

    [Fact]
    public void Plain_words_are_not_mistaken_for_paths_urls_or_commands() =>
        Assert.Empty(GenericToolAdapter.Effects(new ToolCall("search", JsonDocument.Parse("""{"query":"how do I use /proc in linux","lang":"en","mode":"echo"}""").RootElement)));

    [Fact]
    public void A_sentence_that_starts_like_a_command_is_judged_and_allowed() =>
        Assert.Equal(Decision.Allow, PalisadeEngine.CreateDefault().Evaluate(ScanKind.ToAction("tool", """{"name":"post","arguments":{"title":"cat pictures from the weekend"}}""")).Decision);

    [Theory]
    [InlineData("deploy.sh", true)]
    [InlineData("/home/u/.bashrc", true)]
    [InlineData("C:\\Users\\u\\Documents\\WindowsPowerShell\\profile.ps1", true)]
    [InlineData(".git/hooks/pre-commit", true)]
    [InlineData("src/app.py", false)]
    [InlineData("README.md", false)]
    public void Knows_which_written_files_a_shell_will_run(string path, bool runs) => Assert.Equal(runs, ExecutableTargets.RunsAsShell(path));
}
