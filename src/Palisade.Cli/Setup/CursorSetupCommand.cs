using System.CommandLine;

namespace Palisade.Cli.Setup;

/// <summary><c>palisade setup cursor</c>: adds Palisade's hooks to Cursor's <c>hooks.json</c>.</summary>
public static class CursorSetupCommand
{
    private const string BlockOnFailureDescription =
        "Also ask Cursor to block when the hook cannot run (\"failClosed\": true, in Cursor versions that read it).";

    public static Command Create(SetupContext context)
    {
        var file = new Option<string?>("--hooks-file") { Description = "hooks.json to edit (default: ~/.cursor/hooks.json)." };
        var project = new Option<bool>("--project") { Description = "Edit this project's .cursor/hooks.json instead of the user's." };
        var command = new Option<string?>("--command") { Description = "How the hook starts palisade (default: the path of this palisade)." };
        var blockOnFailure = new Option<bool>("--block-on-hook-failure") { Description = BlockOnFailureDescription };
        var setup = new Command("cursor", "Add Palisade's hooks (beforeShellExecution, beforeMCPExecution, beforeReadFile, beforeSubmitPrompt, preToolUse) to Cursor's hooks.json.")
        {
            file, project, command, blockOnFailure,
        };
        setup.SetAction(p =>
        {
            var path = p.GetValue(file) ?? (p.GetValue(project)
                ? Path.Combine(Environment.CurrentDirectory, ".cursor", "hooks.json")
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cursor", "hooks.json"));
            var hookCommand = p.GetValue(command) ?? HookCommandLine.ForThisProcess();
            return SetupReport.Run(context.Console, context.Editor, path,
                root => CursorHooksEdit.Apply(root, hookCommand, path, p.GetValue(blockOnFailure)),
                p.GetValue(context.Options.DryRun), p.GetValue(context.Options.Undo), "Cursor hooks");
        });
        return setup;
    }
}
