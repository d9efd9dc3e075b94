using System.ComponentModel;
using System.CommandLine;
using System.Diagnostics;
using Palisade.Cli.Agents;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade wrap -- COMMAND [ARGS]</c>: runs an agent with the environment <c>palisade env</c> prints.</summary>
public static class WrapCommand
{
    /// <summary>What shells answer for a command that cannot be found or run.</summary>
    public const int CommandNotFound = 127;

    public static Command Create(CliConsole console)
    {
        var options = new EnvOptions();
        var agent = new Argument<string[]>("command") { Arity = ArgumentArity.OneOrMore, Description = "The agent and its arguments, after --." };
        var command = new Command("wrap", "Run an agent with its model and web traffic sent through Palisade. Exits with the agent's exit code.") { agent };
        foreach (var o in options.All) command.Options.Add(o);
        command.SetAction(p =>
        {
            IReadOnlyList<KeyValuePair<string, string>> vars;
            try
            {
                vars = options.Resolve(p, out var warning);
                if (warning is not null) console.Error.WriteLine($"palisade: {warning}");
            }
            catch (Exception e) when (e is ArgumentException or FileNotFoundException or IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"palisade: {e.Message}");
                return ExitCodes.UsageError;
            }
            return Run(p.GetValue(agent)!, vars, console);
        });
        return command;
    }

    /// <summary>Starts the agent on this terminal (its own stdin, stdout and stderr) and waits for it.</summary>
    public static int Run(string[] argv, IReadOnlyList<KeyValuePair<string, string>> vars, CliConsole console)
    {
        var start = new ProcessStartInfo(argv[0]) { UseShellExecute = false };
        foreach (var arg in argv.Skip(1)) start.ArgumentList.Add(arg);
        foreach (var (name, value) in vars) start.Environment[name] = value;
        // Ctrl+C reaches the agent through the terminal; Palisade waits for it to finish rather than dying first.
        ConsoleCancelEventHandler stay = (_, e) => e.Cancel = true;
        Console.CancelKeyPress += stay;
        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (Win32Exception e)
        {
            console.Error.WriteLine($"palisade: cannot run '{argv[0]}' ({e.Message}); check the name and your PATH.");
            return CommandNotFound;
        }
        finally
        {
            Console.CancelKeyPress -= stay;
        }
    }
}
