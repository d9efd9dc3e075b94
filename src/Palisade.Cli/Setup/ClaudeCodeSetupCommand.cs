using System.CommandLine;

namespace Palisade.Cli.Setup;

/// <summary><c>palisade setup claude-code</c>: adds Palisade's hooks to Claude Code's settings.</summary>
public static class ClaudeCodeSetupCommand
{
    private const string BlockOnFailureDescription =
        "Also ask Claude Code to block when the hook cannot start, crashes or times out (\"onFailure\": \"block\", Claude Code 2.1.295 or later).";

    public static Command Create(SetupContext context)
    {
        var settings = new Option<string?>("--settings") { Description = "Settings file to edit (default: ~/.claude/settings.json, or $CLAUDE_CONFIG_DIR/settings.json)." };
        var project = new Option<bool>("--project") { Description = "Edit this project's .claude/settings.json instead of the user's settings." };
        var gateway = new Option<string?>("--gateway")
        {
            Description = $"Also send Claude Code's model traffic through the gateway (sets env.ANTHROPIC_BASE_URL; default {ClaudeCodeHooksEdit.DefaultGateway}).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Option<string?>("--command") { Description = "How the hook starts palisade (default: the path of this palisade)." };
        var blockOnFailure = new Option<bool>("--block-on-hook-failure") { Description = BlockOnFailureDescription };
        var setup = new Command("claude-code", "Add Palisade's hooks (PreToolUse, PostToolUse, UserPromptSubmit, SessionStart) to Claude Code's settings.")
        {
            settings, project, gateway, command, blockOnFailure,
        };
        setup.SetAction(p =>
        {
            var path = p.GetValue(settings) ?? DefaultPath(p.GetValue(project));
            string? gatewayUrl = p.GetResult(gateway) is null ? null : p.GetValue(gateway) ?? ClaudeCodeHooksEdit.DefaultGateway;
            var hookCommand = p.GetValue(command) ?? HookCommandLine.ForThisProcess();
            return SetupReport.Run(context.Console, context.Editor, path,
                root => ClaudeCodeHooksEdit.Apply(root, hookCommand, gatewayUrl, path, p.GetValue(blockOnFailure)),
                p.GetValue(context.Options.DryRun), p.GetValue(context.Options.Undo), "Claude Code hooks");
        });
        return setup;
    }

    private static string DefaultPath(bool project)
    {
        if (project) return Path.Combine(Environment.CurrentDirectory, ".claude", "settings.json");
        var configDir = Environment.GetEnvironmentVariable("CLAUDE_CONFIG_DIR");
        if (!string.IsNullOrWhiteSpace(configDir)) return Path.Combine(configDir, "settings.json");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".claude", "settings.json");
    }
}
