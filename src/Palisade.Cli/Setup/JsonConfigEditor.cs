using System.Text.Json.Nodes;

namespace Palisade.Cli.Setup;

/// <summary>
/// Edits one JSON settings file in place: keeps every key the edit does not touch, writes nothing when the
/// edit changes nothing (so running setup twice is harmless), backs the file up before each real change,
/// replaces it atomically, and can put the latest backup back.
/// </summary>
public sealed class JsonConfigEditor(TimeProvider time)
{
    private readonly ConfigBackups _backups = new(time);

    /// <summary>Applies <paramref name="edit"/> (which mutates the root object) to the file at <paramref name="path"/>.</summary>
    public JsonEditResult Apply(string path, Action<JsonObject> edit, bool dryRun)
    {
        var full = Path.GetFullPath(path);
        var root = JsonConfigFile.Read(full, out var originalText);
        var before = root.DeepClone();
        edit(root);
        if (JsonNode.DeepEquals(before, root)) return new JsonEditResult(full, JsonEditOutcome.Unchanged, "", null);

        var newText = JsonConfigFile.Format(root, originalText);
        var diff = UnifiedDiff.Create(originalText, newText, File.Exists(full) ? full : "/dev/null", full);
        if (dryRun) return new JsonEditResult(full, JsonEditOutcome.WouldChange, diff, null);

        var backup = Guard(full, () => _backups.Create(full));
        Guard(full, () => AtomicFile.WriteAllText(full, newText));
        return new JsonEditResult(full, JsonEditOutcome.Changed, diff, backup);
    }

    /// <summary>Restores the newest backup of <paramref name="path"/> and removes that backup, so a second undo goes one step further back.</summary>
    public static JsonEditResult Undo(string path, bool dryRun)
    {
        var full = Path.GetFullPath(path);
        var backup = ConfigBackups.Latest(full)
            ?? throw new SetupException($"There is no Palisade backup of {full}, so there is nothing to undo.");
        var current = File.Exists(full) ? File.ReadAllText(full) : "";
        var absent = ConfigBackups.RecordsAbsence(backup);
        var restored = absent ? "" : File.ReadAllText(backup);
        var diff = UnifiedDiff.Create(current, restored, full, absent ? "/dev/null" : full);
        if (dryRun) return new JsonEditResult(full, JsonEditOutcome.WouldRestore, diff, backup);

        Guard(full, () =>
        {
            if (absent) File.Delete(full);
            else AtomicFile.WriteAllText(full, restored);
            File.Delete(backup);
        });
        return new JsonEditResult(full, JsonEditOutcome.Restored, diff, backup);
    }

    private static void Guard(string path, Action write) => Guard(path, () => { write(); return 0; });

    private static T Guard<T>(string path, Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SetupException($"Cannot write {path} ({e.Message.TrimEnd('.')}); check its permissions, then run setup again.", e);
        }
    }
}
