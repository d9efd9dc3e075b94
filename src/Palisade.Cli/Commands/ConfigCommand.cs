using System.CommandLine;
using Palisade.Cli.Output;
using Palisade.Core.Config;
using Palisade.Core.Engine;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade config show|validate</c>.</summary>
public static class ConfigCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("config", "Show or validate configuration.");

        var showConfig = new Option<string?>("--config") { Description = "Configuration file (default: $PALISADE_HOME/config.yaml if present)." };
        var showMode = new Option<string?>("--mode") { Description = "Override the policy mode." };
        var showRules = new Option<bool>("--rules") { Description = "List every rule instead: id, scanner/category, severity, action and whether it is on." };
        var show = new Command("show", "Print the effective configuration.") { showConfig, showMode, showRules };
        show.SetAction(p => Guard(console, () =>
        {
            var config = EngineFactory.LoadConfig(p.GetValue(showConfig), p.GetValue(showMode));
            if (p.GetValue(showRules)) RuleTable.Write(console.Out, config);
            else console.Out.Write(ConfigWriter.ToYaml(config));
            return ExitCodes.Ok;
        }));

        var file = new Argument<string>("file") { Description = "Configuration file to check." };
        var validate = new Command("validate", "Check a configuration file: unknown keys, wrong types, bad regexes, unknown or weakened rules, custom rules' examples.") { file };
        validate.SetAction(p => Guard(console, () =>
        {
            var config = ConfigLoader.LoadFile(p.GetValue(file)!);
            _ = new PalisadeEngine(config);
            var failures = CustomRuleExamples.Failures(config);
            if (failures.Count > 0)
            {
                foreach (var failure in failures) console.Error.WriteLine($"palisade: {failure}");
                return ExitCodes.UsageError;
            }
            console.Out.WriteLine($"{p.GetValue(file)}: valid ({PalisadeEngine.EnabledRules(config).Count()} rules enabled, mode {config.Mode.ToString().ToLowerInvariant()}).");
            return ExitCodes.Ok;
        }));

        command.Subcommands.Add(show);
        command.Subcommands.Add(validate);
        return command;
    }

    /// <summary>Configuration errors print one line and exit 2.</summary>
    internal static int Guard(CliConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ConfigException e)
        {
            console.Error.WriteLine($"palisade: {e.Message}");
            return ExitCodes.UsageError;
        }
    }
}
