namespace Palisade.Cli.Setup;

/// <summary>Tells the person what setup did to a file, and prints the diff for a dry run.</summary>
public static class SetupReport
{
    public static void Write(CliConsole console, JsonEditResult result, string what)
    {
        switch (result.Outcome)
        {
            case JsonEditOutcome.Unchanged:
                console.Out.WriteLine($"{result.Path}: {what} already set up; nothing changed.");
                break;
            case JsonEditOutcome.Changed:
                console.Out.WriteLine($"{result.Path}: {what} set up (backup: {Path.GetFileName(result.BackupPath)}; 'palisade setup ... --undo' puts it back).");
                break;
            case JsonEditOutcome.WouldChange:
                console.Out.Write(result.Diff);
                console.Out.WriteLine($"(dry run: {result.Path} not changed)");
                break;
            case JsonEditOutcome.Restored:
                console.Out.WriteLine($"{result.Path}: restored from {Path.GetFileName(result.BackupPath)}.");
                break;
            case JsonEditOutcome.WouldRestore:
                console.Out.Write(result.Diff);
                console.Out.WriteLine($"(dry run: {result.Path} would be restored from {Path.GetFileName(result.BackupPath)})");
                break;
        }
    }

    /// <summary>Runs one setup step: apply (or undo) an edit, report it, and turn setup errors into one line and exit 2.</summary>
    public static int Run(CliConsole console, JsonConfigEditor editor, string path, Action<System.Text.Json.Nodes.JsonObject> edit, bool dryRun, bool undo, string what)
    {
        try
        {
            var result = undo ? JsonConfigEditor.Undo(path, dryRun) : editor.Apply(path, edit, dryRun);
            Write(console, result, what);
            return ExitCodes.Ok;
        }
        catch (SetupException e)
        {
            console.Error.WriteLine($"palisade: {e.Message}");
            return ExitCodes.UsageError;
        }
    }
}
