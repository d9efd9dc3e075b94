using System.Text.Json.Nodes;
using Palisade.Cli.Setup;
using Palisade.Tests.Support;

namespace Palisade.Tests.Setup;

public sealed class JsonConfigEditorTests : IDisposable
{
    private readonly CliRunner.TempDir _dir = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 11, 21, 14, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private static void AddFlag(JsonObject root) => JsonConfigFile.GetOrAddObject(root, "palisade", "test")["enabled"] = true;

    [Fact]
    public void Apply_keeps_unrelated_keys_and_their_order_and_writes_a_backup_of_the_original()
    {
        var path = _dir.File("settings.json");
        const string original = "{\n    \"model\": \"opus\",\n    \"nested\": {\"keep\": [1, 2, {\"deep\": null}]},\n    \"unicode\": \"caf\u00e9 \u2603\"\n}\n";
        File.WriteAllText(path, original);

        var result = new JsonConfigEditor(_time).Apply(path, AddFlag, dryRun: false);

        Assert.Equal(JsonEditOutcome.Changed, result.Outcome);
        var written = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.Equal(["model", "nested", "unicode", "palisade"], written.Select(p => p.Key));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original)!["nested"], written["nested"]));
        Assert.Equal("caf\u00e9 \u2603", written["unicode"]!.GetValue<string>());
        Assert.Contains("caf\u00e9", File.ReadAllText(path)); // not escaped to \u00e9
        Assert.Contains("\n    \"model\"", File.ReadAllText(path)); // the file's own four-space indent
        Assert.Equal(original, File.ReadAllText(result.BackupPath!));
        Assert.Equal(path + ".palisade-backup-20261121T140000000Z", result.BackupPath);
    }

    [Fact]
    public void Apply_twice_changes_nothing_the_second_time_and_makes_no_second_backup()
    {
        var path = _dir.File("settings.json");
        File.WriteAllText(path, "{\"a\": 1}");
        var editor = new JsonConfigEditor(_time);
        editor.Apply(path, AddFlag, dryRun: false);
        var afterFirst = File.ReadAllText(path);
        _time.Advance(TimeSpan.FromSeconds(1));

        var second = editor.Apply(path, AddFlag, dryRun: false);

        Assert.Equal(JsonEditOutcome.Unchanged, second.Outcome);
        Assert.Equal(afterFirst, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir.Path, "settings.json.palisade-backup-*"));
    }

    [Fact]
    public void Dry_run_returns_a_unified_diff_and_leaves_the_file_alone()
    {
        var path = _dir.File("settings.json");
        File.WriteAllText(path, "{\n  \"a\": 1\n}\n");

        var result = new JsonConfigEditor(_time).Apply(path, AddFlag, dryRun: true);

        Assert.Equal(JsonEditOutcome.WouldChange, result.Outcome);
        Assert.Equal("{\n  \"a\": 1\n}\n", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.palisade-backup-*"));
        var expected = $"--- {path}\n+++ {path}\n@@ -1,3 +1,6 @@\n {{\n-  \"a\": 1\n+  \"a\": 1,\n+  \"palisade\": {{\n+    \"enabled\": true\n+  }}\n }}\n";
        Assert.Equal(expected, result.Diff);
    }

    [Fact]
    public void Undo_restores_the_latest_backup_then_the_one_before_it()
    {
        var path = _dir.File("settings.json");
        File.WriteAllText(path, "{\"v\": 1}");
        var editor = new JsonConfigEditor(_time);
        editor.Apply(path, r => r["v"] = 2, dryRun: false);
        _time.Advance(TimeSpan.FromMilliseconds(5));
        editor.Apply(path, r => r["v"] = 3, dryRun: false);

        JsonConfigEditor.Undo(path, dryRun: false);
        Assert.Equal(2, JsonNode.Parse(File.ReadAllText(path))!["v"]!.GetValue<int>());
        JsonConfigEditor.Undo(path, dryRun: false);
        Assert.Equal("{\"v\": 1}", File.ReadAllText(path));
        var error = Assert.Throws<SetupException>(() => JsonConfigEditor.Undo(path, dryRun: false));
        Assert.Contains("nothing to undo", error.Message);
    }

    [Fact]
    public void Undo_of_a_file_that_setup_created_removes_it()
    {
        var path = Path.Combine(_dir.Path, "new", "hooks.json");

        new JsonConfigEditor(_time).Apply(path, AddFlag, dryRun: false);
        Assert.True(File.Exists(path));
        JsonConfigEditor.Undo(path, dryRun: false);

        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Backups_made_in_the_same_millisecond_do_not_overwrite_each_other()
    {
        var path = _dir.File("settings.json");
        File.WriteAllText(path, "{\"v\": 0}");
        var editor = new JsonConfigEditor(_time);
        editor.Apply(path, r => r["v"] = 1, dryRun: false);
        editor.Apply(path, r => r["v"] = 2, dryRun: false);

        JsonConfigEditor.Undo(path, dryRun: false);

        Assert.Equal(1, JsonNode.Parse(File.ReadAllText(path))!["v"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{\"a\": 1, // comment\n}", "not plain JSON")]
    [InlineData("[1, 2]", "not an object")]
    [InlineData("{\"a\": ", "not plain JSON")]
    public void Apply_refuses_a_file_it_cannot_rewrite_faithfully_and_leaves_it_untouched(string content, string message)
    {
        var path = _dir.File("settings.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<SetupException>(() => new JsonConfigEditor(_time).Apply(path, AddFlag, dryRun: false));

        Assert.Contains(message, error.Message);
        Assert.Equal(content, File.ReadAllText(path));
    }

    [Fact]
    public void A_rewritten_file_keeps_its_permissions()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("Unix file modes only.");
        else
        {
            var path = _dir.File("settings.json");
            File.WriteAllText(path, "{}");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

            new JsonConfigEditor(_time).Apply(path, AddFlag, dryRun: false);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }
}
