using System.Text.Json.Nodes;
using Palisade.Cli.Setup;
using Palisade.Tests.Support;

namespace Palisade.Tests.Setup;

/// <summary><c>palisade setup claude-code|cursor</c> on real settings files that already hold the user's own keys and hooks.</summary>
public sealed class SetupCommandTests : IDisposable
{
    private const string Hook = "/opt/palisade/palisade";
    private readonly CliRunner.TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    private const string ClaudeSettings = """
        {
          "model": "opus",
          "permissions": { "allow": ["Bash(npm test:*)"], "deny": ["Read(./.env)"] },
          "env": { "FOO": "bar" },
          "hooks": {
            "PreToolUse": [
              { "matcher": "Bash", "hooks": [ { "type": "command", "command": "~/.claude/hooks/lint.sh" } ] }
            ],
            "Stop": [ { "hooks": [ { "type": "command", "command": "notify-send done" } ] } ]
          }
        }
        """;

    private static JsonObject Read(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    private static IEnumerable<string> Commands(JsonObject settings, string hookEvent) =>
        settings["hooks"]![hookEvent]!.AsArray().SelectMany(g => g!["hooks"]!.AsArray()).Select(h => h!["command"]!.GetValue<string>());

    [Fact]
    public void Claude_code_setup_adds_one_hook_per_event_and_keeps_everything_else()
    {
        var path = _dir.File("settings.json");
        File.WriteAllText(path, ClaudeSettings);

        var result = CliRunner.Run("", "setup", "claude-code", "--settings", path, "--command", Hook);

        Assert.Equal(0, result.ExitCode);
        var after = Read(path);
        var before = JsonNode.Parse(ClaudeSettings)!.AsObject();
        foreach (var key in new[] { "model", "permissions", "env" }) Assert.True(JsonNode.DeepEquals(before[key], after[key]), key);
        Assert.True(JsonNode.DeepEquals(before["hooks"]!["Stop"], after["hooks"]!["Stop"]));
        Assert.Equal(["~/.claude/hooks/lint.sh", $"{Hook} hook claude-code"], Commands(after, "PreToolUse"));
        foreach (var e in new[] { "PostToolUse", "UserPromptSubmit", "SessionStart" }) Assert.Equal([$"{Hook} hook claude-code"], Commands(after, e));
        Assert.Equal("*", after["hooks"]!["PreToolUse"]![1]!["matcher"]!.GetValue<string>());
        Assert.Null(after["hooks"]!["UserPromptSubmit"]![0]!["matcher"]);
        Assert.Single(Directory.GetFiles(_dir.Path, "settings.json.palisade-backup-*"));
    }

    [Fact]
    public void Claude_code_setup_run_twice_leaves_one_entry_per_event_and_says_so()
    {
        var path = _dir.File("settings.json");
        File.WriteAllText(path, ClaudeSettings);
        CliRunner.Run("", "setup", "claude-code", "--settings", path, "--command", Hook);
        var once = File.ReadAllText(path);

        var second = CliRunner.Run("", "setup", "claude-code", "--settings", path, "--command", Hook);

        Assert.Contains("already set up; nothing changed", second.Out);
        Assert.Equal(once, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir.Path, "settings.json.palisade-backup-*"));
    }

    [Fact]
    public void Claude_code_setup_with_a_new_path_replaces_the_old_palisade_entry()
    {
        var path = _dir.File("settings.json");
        File.WriteAllText(path, ClaudeSettings);
        CliRunner.Run("", "setup", "claude-code", "--settings", path, "--command", "/old/palisade");

        CliRunner.Run("", "setup", "claude-code", "--settings", path, "--command", Hook);

        Assert.Equal(["~/.claude/hooks/lint.sh", $"{Hook} hook claude-code"], Commands(Read(path), "PreToolUse"));
        Assert.Equal([$"{Hook} hook claude-code"], Commands(Read(path), "PostToolUse"));
    }

    [Fact]
    public void Claude_code_undo_puts_the_original_file_back_byte_for_byte()
    {
        var path = _dir.File("settings.json");
        File.WriteAllText(path, ClaudeSettings);
        CliRunner.Run("", "setup", "claude-code", "--settings", path, "--command", Hook, "--gateway");

        var undo = CliRunner.Run("", "setup", "claude-code", "--settings", path, "--undo");

        Assert.Equal(0, undo.ExitCode);
        Assert.Equal(ClaudeSettings, File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(_dir.Path, "settings.json.palisade-backup-*"));
    }

    [Fact]
    public void Claude_code_gateway_flag_points_anthropic_base_url_at_the_gateway()
    {
        var path = _dir.File("settings.json");
        File.WriteAllText(path, ClaudeSettings);

        CliRunner.Run("", "setup", "claude-code", "--settings", path, "--command", Hook, "--gateway");
        var env = Read(path)["env"]!;

        Assert.Equal("http://127.0.0.1:8787/anthropic", env["ANTHROPIC_BASE_URL"]!.GetValue<string>());
        Assert.Equal("bar", env["FOO"]!.GetValue<string>());
        CliRunner.Run("", "setup", "claude-code", "--settings", path, "--command", Hook, "--gateway", "http://10.0.0.5:9000/anthropic");
        Assert.Equal("http://10.0.0.5:9000/anthropic", Read(path)["env"]!["ANTHROPIC_BASE_URL"]!.GetValue<string>());
    }

    [Fact]
    public void Dry_run_prints_the_diff_and_writes_nothing_whichever_side_of_the_agent_the_flag_is_on()
    {
        var path = _dir.File("settings.json");
        File.WriteAllText(path, ClaudeSettings);

        var before = CliRunner.Run("", "setup", "--dry-run", "claude-code", "--settings", path, "--command", Hook);
        var after = CliRunner.Run("", "setup", "claude-code", "--settings", path, "--command", Hook, "--dry-run");

        Assert.Equal(before.Out, after.Out);
        Assert.StartsWith($"--- {path}\n+++ {path}\n@@ ", before.Out);
        Assert.Contains($"+            \"command\": \"{Hook} hook claude-code\",", before.Out);
        Assert.Equal(ClaudeSettings, File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(_dir.Path, "settings.json.palisade-backup-*"));
    }

    [Fact]
    public void Cursor_setup_writes_version_1_hooks_keeps_the_users_own_and_is_idempotent()
    {
        var path = _dir.File("hooks.json");
        const string original = """{"version":1,"hooks":{"afterFileEdit":[{"command":"./format.sh"}],"beforeShellExecution":[{"command":"./audit.sh"}]}}""";
        File.WriteAllText(path, original);

        CliRunner.Run("", "setup", "cursor", "--hooks-file", path, "--command", Hook);
        var once = File.ReadAllText(path);
        var second = CliRunner.Run("", "setup", "cursor", "--hooks-file", path, "--command", Hook);

        Assert.Contains("nothing changed", second.Out);
        Assert.Equal(once, File.ReadAllText(path));
        var hooks = Read(path)["hooks"]!.AsObject();
        Assert.Equal(1, Read(path)["version"]!.GetValue<int>());
        Assert.Equal(["./format.sh"], hooks["afterFileEdit"]!.AsArray().Select(h => h!["command"]!.GetValue<string>()));
        Assert.Equal(["./audit.sh", $"{Hook} hook cursor"], hooks["beforeShellExecution"]!.AsArray().Select(h => h!["command"]!.GetValue<string>()));
        foreach (var e in CursorHooksEdit.Events.Skip(1)) Assert.Equal([$"{Hook} hook cursor"], hooks[e]!.AsArray().Select(h => h!["command"]!.GetValue<string>()));

        CliRunner.Run("", "setup", "cursor", "--hooks-file", path, "--undo");
        Assert.Equal(original, File.ReadAllText(path));
    }

    [Fact]
    public void Cursor_setup_of_a_missing_file_creates_it_and_undo_removes_it()
    {
        var path = Path.Combine(_dir.Path, ".cursor", "hooks.json");

        CliRunner.Run("", "setup", "cursor", "--hooks-file", path, "--command", Hook);
        Assert.Equal(1, Read(path)["version"]!.GetValue<int>());
        CliRunner.Run("", "setup", "cursor", "--hooks-file", path, "--undo");

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Cursor_setup_refuses_a_hooks_file_of_another_version()
    {
        var path = _dir.File("hooks.json");
        File.WriteAllText(path, """{"version":2,"hooks":{}}""");

        var result = CliRunner.Run("", "setup", "cursor", "--hooks-file", path, "--command", Hook);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("version 2", result.Error);
        Assert.Equal("""{"version":2,"hooks":{}}""", File.ReadAllText(path));
    }

    [Fact]
    public void Block_on_hook_failure_is_opt_in_and_switching_it_updates_the_entry_in_place()
    {
        var claude = _dir.File("settings.json");
        var cursor = _dir.File("hooks.json");
        CliRunner.Run("", "setup", "claude-code", "--settings", claude, "--command", Hook);
        CliRunner.Run("", "setup", "cursor", "--hooks-file", cursor, "--command", Hook);
        Assert.Null(Read(claude)["hooks"]!["PreToolUse"]![0]!["hooks"]![0]!["onFailure"]);
        Assert.Null(Read(cursor)["hooks"]!["beforeShellExecution"]![0]!["failClosed"]);

        CliRunner.Run("", "setup", "claude-code", "--settings", claude, "--command", Hook, "--block-on-hook-failure");
        CliRunner.Run("", "setup", "cursor", "--hooks-file", cursor, "--command", Hook, "--block-on-hook-failure");

        var pre = Read(claude)["hooks"]!["PreToolUse"]!.AsArray();
        Assert.Equal("block", Assert.Single(pre)!["hooks"]![0]!["onFailure"]!.GetValue<string>());
        var shell = Read(cursor)["hooks"]!["beforeShellExecution"]!.AsArray();
        Assert.True(Assert.Single(shell)!["failClosed"]!.GetValue<bool>());
    }

    [Fact]
    public void Undo_without_a_backup_says_there_is_nothing_to_undo()
    {
        var path = _dir.File("settings.json");
        File.WriteAllText(path, "{}");

        var result = CliRunner.Run("", "setup", "claude-code", "--settings", path, "--undo");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nothing to undo", result.Error);
    }

    [Theory]
    [InlineData("/usr/local/bin/palisade", "/x", "/usr/local/bin/palisade")]
    [InlineData("/home/a b/.dotnet/tools/palisade", "/x", "'/home/a b/.dotnet/tools/palisade'")]
    [InlineData("/tmp/testhost", "/x", "palisade")]
    public void The_hook_command_names_this_palisade_by_absolute_path(string processPath, string baseDir, string expected) =>
        Assert.Equal(expected, HookCommandLine.For(processPath, baseDir));

    [Fact]
    public void Under_dotnet_the_hook_command_runs_the_dll()
    {
        File.WriteAllText(_dir.File("palisade.dll"), "");
        Assert.Equal($"/usr/bin/dotnet {_dir.File("palisade.dll")}", HookCommandLine.For("/usr/bin/dotnet", _dir.Path));
    }
}
