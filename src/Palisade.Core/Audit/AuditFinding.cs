using Palisade.Core.Model;

namespace Palisade.Core.Audit;

/// <summary>A finding as the audit log keeps it. <see cref="Evidence"/> is the engine's redacted evidence, never caught content.</summary>
public sealed record AuditFinding(string Rule, string Scanner, string Category, string Severity, string Action, string Field, string Evidence)
{
    public static AuditFinding From(Finding f) =>
        new(f.RuleId, f.Scanner, f.Category, AuditWireNames.Of(f.Severity), f.Action.ToWire(), f.Location.Field, f.Evidence);
}
