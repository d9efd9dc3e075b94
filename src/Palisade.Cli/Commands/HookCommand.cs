using System.CommandLine;
using Palisade.Cli.Hooks;
using Palisade.Cli.Hooks.Helper;
using Palisade.Core.Config;

namespace Palisade.Cli.Commands;

/// <summary>
/// <c>palisade hook claude-code|cursor</c>: what an agent runs before (and after) each tool call. Reads the hook
/// JSON on stdin, judges it in this process and answers in the agent's own format. <c>palisade setup</c> installs it.
/// </summary>
public static class HookCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("hook", "Judge one agent hook call (JSON on stdin) and answer in the agent's format; installed by 'palisade setup'.");
        command.Subcommands.Add(Agent(console, "claude-code", "Claude Code hooks: PreToolUse, PostToolUse, UserPromptSubmit, SessionStart.", () => new ClaudeCodeHookProtocol()));
        command.Subcommands.Add(Agent(console, "cursor", "Cursor hooks: beforeShellExecution, beforeMCPExecution, beforeReadFile, beforeSubmitPrompt, preToolUse.", () => new CursorHookProtocol()));
        command.Subcommands.Add(HookServeCommand.Create(console));
        return command;
    }

    /// <summary>The protocol for an agent name, or null.</summary>
    internal static IHookProtocol? Protocol(string agent) => agent switch
    {
        ClaudeCodeHookProtocol.Name => new ClaudeCodeHookProtocol(),
        CursorHookProtocol.Name => new CursorHookProtocol(),
        _ => null,
    };

    private static Command Agent(CliConsole console, string name, string description, Func<IHookProtocol> protocol)
    {
        var config = new Option<string?>("--config") { Description = "Configuration file (default: $PALISADE_HOME/config.yaml if present)." };
        var mode = new Option<string?>("--mode") { Description = "Policy mode: monitor, enforce, paranoid or interactive." };
        var sub = new Command(name, description) { config, mode };
        sub.SetAction(p => Run(protocol(), p.GetValue(config), p.GetValue(mode), console));
        return sub;
    }

    /// <summary>
    /// The plain <c>palisade hook AGENT</c> that setup installs runs without building the whole command line: it
    /// runs before every tool call, so start-up time is the agent's waiting time. Anything else (flags, help,
    /// a typo) goes through the normal parser.
    /// </summary>
    public static bool TryRunDirect(string[] args, CliConsole console, out int exitCode)
    {
        var protocol = args is ["hook", var agent] ? Protocol(agent) : null;
        exitCode = protocol is null ? 0 : RunPreferringHelper(protocol, console);
        return protocol is not null;
    }

    /// <summary>
    /// Asks a running <c>palisade hook serve</c> first (its engine is warm); with no helper, or no answer it can
    /// verify, judges in this process. Never "no helper, so allow".
    /// </summary>
    private static int RunPreferringHelper(IHookProtocol protocol, CliConsole console)
    {
        var home = PalisadeHome.FromEnvironment();
        if (!HookHelperClient.MayBeRunning(home)) return Run(protocol, null, null, console);
        string? input = null;
        Exception? failure = null;
        try
        {
            var reading = Task.Run(() => HookRunner.ReadBounded(console.In));
            input = reading.Wait(HookRunner.DefaultDeadline) ? reading.Result : null;
        }
        catch (AggregateException e)
        {
            failure = e.InnerException;
        }
        if (input is not null && HookHelperClient.TryJudge(home, protocol.Agent, input) is { } answer) return Write(answer, console);
        // The runner gives the same fail-closed answer it would have given for the input it could not read.
        Func<string> replay = () => input ?? throw (failure ?? new TimeoutException("reading the hook input ran past the hook's deadline"));
        using var recorder = new HookAuditRecorder(home, TimeProvider.System);
        return Write(new HookRunner(protocol, () => EngineFactory.Create(EngineFactory.LoadConfig(null, null)), recorder, TimeProvider.System).Run(replay), console);
    }

    /// <summary>Runs one hook call against the real engine and the flight recorder under <c>$PALISADE_HOME</c>.</summary>
    public static int Run(IHookProtocol protocol, string? configPath, string? mode, CliConsole console)
    {
        using var recorder = new HookAuditRecorder(PalisadeHome.FromEnvironment(), TimeProvider.System);
        var runner = new HookRunner(protocol, () => EngineFactory.Create(EngineFactory.LoadConfig(configPath, mode)), recorder, TimeProvider.System);
        return Write(runner.Run(console.In), console);
    }

    private static int Write(HookAnswer answer, CliConsole console)
    {
        if (answer.Stdout is not null) console.Out.WriteLine(answer.Stdout);
        if (answer.Stderr is not null) console.Error.WriteLine(answer.Stderr);
        return answer.ExitCode;
    }
}
