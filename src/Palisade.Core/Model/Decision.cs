namespace Palisade.Core.Model;

/// <summary>What happens to an action, ordered from least to most restrictive.</summary>
public enum Decision
{
    Allow,
    Audit,
    Redact,
    Review,
    Block,
}

public static class DecisionExtensions
{
    public static Decision Max(this Decision a, Decision b) => a >= b ? a : b;

    public static Decision Min(this Decision a, Decision b) => a <= b ? a : b;

    /// <summary>Review and block stop the action until someone (or nothing) lets it through.</summary>
    public static bool Stops(this Decision d) => d >= Decision.Review;

    public static string ToWire(this Decision d) => d switch
    {
        Decision.Allow => "allow",
        Decision.Audit => "audit",
        Decision.Redact => "redact",
        Decision.Review => "review",
        Decision.Block => "block",
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };

    public static bool TryParse(string? s, out Decision d)
    {
        switch (s?.Trim().ToLowerInvariant())
        {
            case "allow": d = Decision.Allow; return true;
            case "audit": d = Decision.Audit; return true;
            case "redact": d = Decision.Redact; return true;
            case "review": d = Decision.Review; return true;
            case "block": d = Decision.Block; return true;
            default: d = Decision.Allow; return false;
        }
    }
}
