using System.CommandLine;
using Palisade.Cli.Agents;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade env</c>: prints the exports that send an agent's traffic through Palisade.</summary>
public static class EnvCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new EnvOptions();
        var shell = new Option<string>("--shell") { Description = "Syntax of the lines: sh (default; bash, zsh), fish or powershell.", DefaultValueFactory = _ => "sh" };
        shell.AcceptOnlyFromAmong([.. ShellExports.Shells]);
        var command = new Command("env", "Print the environment that points an agent at the gateway and egress proxy: eval \"$(palisade env)\".") { shell };
        foreach (var o in options.All) command.Options.Add(o);
        command.SetAction(p =>
        {
            try
            {
                var vars = options.Resolve(p, out var warning);
                if (warning is not null) console.Error.WriteLine($"palisade: {warning}");
                console.Out.Write(ShellExports.Format(vars, p.GetValue(shell)!));
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is ArgumentException or FileNotFoundException or IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"palisade: {e.Message}");
                return ExitCodes.UsageError;
            }
        });
        return command;
    }
}
