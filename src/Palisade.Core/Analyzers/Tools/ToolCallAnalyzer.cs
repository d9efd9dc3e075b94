using System.Text.Json;
using Palisade.Core.Analyzers.Paths;
using Palisade.Core.Model;

namespace Palisade.Core.Analyzers.Tools;

/// <summary>
/// A tool call is also what it does. Every string argument is read by the content scanners (a secret in an email
/// body, an injection in a sub-agent prompt), and each known or guessed effect becomes an inner action — the shell
/// line a Bash tool runs, the file a Write tool writes, the URL a fetch tool requests — judged by its own analyzer.
/// Content written to a script or shell start-up file is also judged as the commands it will run.
/// </summary>
public sealed class ToolCallAnalyzer : IActionAnalyzer
{
    public const string AnalyzerName = "tool";
    public string Name => AnalyzerName;

    public bool AppliesTo(AgentAction action) => action.Kind == ActionKind.ToolCall;

    public void Analyze(AgentAction action, AnalysisContext context)
    {
        if (action.ToolName is null || action.ArgumentsJson is null)
        {
            context.Report(Unreadable(context, "the tool call could not be read as a name and JSON arguments"));
            return;
        }
        JsonElement args;
        try
        {
            using var doc = JsonDocument.Parse(action.ArgumentsJson.Length == 0 ? "{}" : action.ArgumentsJson);
            args = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            context.Report(Unreadable(context, $"the arguments of '{action.ToolName}' are not valid JSON"));
            return;
        }
        var call = new ToolCall(action.ToolName, args);

        var strings = ArgumentPath.AllStrings(args);
        if (strings.Count > 0)
        {
            var text = new AgentAction
            {
                Kind = ActionKind.Message, Direction = action.Direction, Source = action.Source, Transport = action.Transport,
                SessionId = action.SessionId, AgentId = action.AgentId,
                Fields = Fields(strings),
            };
            context.Inspect(text, "arguments");
        }

        var known = KnownTools.Lookup(call);
        var effectList = known is not null ? KnownEffects(known, args, action.WorkingDirectory is not null) : GenericToolAdapter.Effects(call).ToList();
        string? writtenFile = null;
        foreach (var (effect, _, value) in effectList)
            if (writtenFile is null && effect.Kind == EffectKind.File && effect.Operation == FileOperation.Write) writtenFile = value;
        foreach (var (effect, path, value) in effectList)
        {
            var field = $"arguments.{path}";
            switch (effect.Kind)
            {
                case EffectKind.Command:
                    context.Inspect(Inner(action, ActionKind.Command) with { CommandLine = value }, field);
                    break;
                case EffectKind.File:
                    var before = context.FindingsSoFar.Count;
                    context.Inspect(Inner(action, ActionKind.FileAccess) with { Path = value, FileOperation = effect.Operation }, field);
                    if (effect.Tree)
                        WholeDirectory.JudgeStoresInside(context, field, value, action.WorkingDirectory, before,
                            store => Inner(action, ActionKind.FileAccess) with { Path = store, FileOperation = FileOperation.Read });
                    break;
                case EffectKind.Url:
                    context.Inspect(Inner(action, ActionKind.HttpRequest) with { Url = value, Method = "GET" }, field);
                    break;
                case EffectKind.FileContent when writtenFile is not null && ExecutableTargets.RunsAsShell(writtenFile):
                    context.Inspect(Inner(action, ActionKind.Command) with { CommandLine = value }, field);
                    break;
            }
        }
    }

    // Loops rather than LINQ over value tuples, which no ReadyToRun image holds: every hook process would jit it
    // (docs/decisions/014-hook-install.md).
    private static ContentField[] Fields(List<(string Path, string Value)> strings)
    {
        var fields = new ContentField[strings.Count];
        for (var i = 0; i < fields.Length; i++) fields[i] = new ContentField(strings[i].Path, strings[i].Value);
        return fields;
    }

    /// <param name="defaults">
    /// Whether an absent argument takes the tool's default (<see cref="ToolEffect.Default"/>): only where the call says
    /// where it runs, since a default like <c>.</c> names nothing without a working directory.
    /// </param>
    private static List<(ToolEffect Effect, string Path, string Value)> KnownEffects(ToolEffect[] known, JsonElement args, bool defaults)
    {
        var effects = new List<(ToolEffect, string, string)>();
        foreach (var e in known)
        {
            var count = effects.Count;
            foreach (var (path, value) in ArgumentPath.Select(args, e.Argument))
                effects.Add((e, path, value));
            if (defaults && effects.Count == count && e.Default is { } fallback) effects.Add((e, e.Argument, fallback));
        }
        return effects;
    }

    /// <summary>
    /// An action the tool call performs; its text was already scanned as an argument, so it carries no fields. It runs
    /// where the tool call runs: a relative path (or a shell line's relative operands) starts in the call's working directory.
    /// </summary>
    private static AgentAction Inner(AgentAction outer, ActionKind kind) => new()
    {
        Kind = kind, FoundIn = ActionKind.ToolCall, Direction = outer.Direction, Source = outer.Source, Transport = outer.Transport,
        SessionId = outer.SessionId, AgentId = outer.AgentId, ToolName = outer.ToolName, WorkingDirectory = outer.WorkingDirectory,
    };

    private static Finding Unreadable(AnalysisContext context, string why) => new()
    {
        RuleId = "tool-unparseable",
        Scanner = AnalyzerName,
        Category = "engine",
        Severity = Severity.High,
        Location = new FindingLocation(context.FieldPath("arguments"), "raw", 0, 0),
        Evidence = "",
        Description = why,
        Action = Decision.Block,
    };
}
