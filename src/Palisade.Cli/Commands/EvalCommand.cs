using System.CommandLine;
using System.Text;
using Palisade.Cli.Eval;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade eval</c>: detection quality on the labelled public corpora.</summary>
public static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var corpora = new Option<string?>("--corpora") { Description = "Corpora directory (default: ../shared/corpora beside the repository)." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var config = new Option<string?>("--config") { Description = "Configuration file to measure (default: built-in defaults)." };
        var area = new Option<string?>("--area") { Description = "Only suites of this area: secrets, pii, injection, command, egress, egress-proxy, path, tool, mcp." };
        area.AcceptOnlyFromAmong("secrets", "pii", "injection", "command", "egress", "egress-proxy", "path", "tool", "mcp");
        var detail = new Option<bool>("--detail") { Description = "Also print per-upstream-rule rows." };
        var command = new Command("eval", "Measure recall and false positives on the labelled corpora.") { corpora, format, config, area, detail };
        command.SetAction(p => ConfigCommand.Guard(console, () =>
        {
            var dir = p.GetValue(corpora) ?? DefaultCorporaDirectory();
            if (dir is null || !Directory.Exists(dir))
            {
                var note = $"palisade eval: no corpora found{(dir is null ? " beside the repository" : $" at {dir}")}; pass --corpora DIR. Nothing to measure.";
                if (p.GetValue(format) != "json")
                {
                    console.Out.WriteLine(note);
                    return ExitCodes.Ok;
                }
                // Scripts reading --format json still get JSON: an empty result, the reason on stderr.
                console.Error.WriteLine(note);
                using var empty = new MemoryStream();
                EvalReport.WriteJson(empty, []);
                console.Out.WriteLine(Encoding.UTF8.GetString(empty.ToArray()));
                return ExitCodes.Ok;
            }
            var engine = p.GetValue(config) is { } c ? EngineFactory.Create(Palisade.Core.Config.ConfigLoader.LoadFile(c)) : EngineFactory.Create(Palisade.Core.Policy.PalisadeConfig.Default);
            var only = p.GetValue(area);
            var results = ContentSuites.All().Concat(PathSuites.All()).Concat(EgressSuites.All()).Concat(ToolSuites.All()).Concat(CommandSuites.All()).Concat(McpSuites.All(engine)).Where(s => only is null || s.Area == only).Select(s => EvalRunner.Run(s, dir, engine)).ToList();
            if (only is null || only == EgressProxySuites.Area) results.AddRange(EgressProxySuites.Run(dir, engine.Config));
            if (p.GetValue(format) == "json")
            {
                using var ms = new MemoryStream();
                EvalReport.WriteJson(ms, results);
                console.Out.WriteLine(Encoding.UTF8.GetString(ms.ToArray()));
            }
            else EvalReport.WriteText(console.Out, results, p.GetValue(detail));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary><c>../shared/corpora</c> relative to the repository root (found from the working directory or the binary), or null.</summary>
    public static string? DefaultCorporaDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (!File.Exists(Path.Combine(d.FullName, "Palisade.slnx"))) continue;
                var candidate = Path.GetFullPath(Path.Combine(d.FullName, "..", "shared", "corpora"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }
        return null;
    }
}
