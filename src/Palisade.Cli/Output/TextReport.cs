using Palisade.Core.Model;

namespace Palisade.Cli.Output;

/// <summary>The human-readable report of a verdict.</summary>
public static class TextReport
{
    public static void Write(TextWriter o, Verdict v)
    {
        o.WriteLine($"{v.Decision.ToWire().ToUpperInvariant()}: {v.Reason}");
        foreach (var f in v.Findings)
            o.WriteLine($"  - {f.RuleId} [{f.Scanner}/{f.Category}, {f.Severity.ToString().ToLowerInvariant()}, {f.Action.ToWire()}] {f.Location.Field}@{f.Location.Start}+{f.Location.Length} ({f.Location.View}): {f.Evidence}");
    }
}
