namespace Palisade.Gateway.Approvals;

/// <summary>An action held for a person's decision. <see cref="Summary"/> and <see cref="Reason"/> never hold caught content.</summary>
public sealed record ApprovalRequest
{
    public required string Id { get; init; }

    /// <summary>The audit event of the verdict that asked for review.</summary>
    public required string EventId { get; init; }
    public required string Surface { get; init; }

    /// <summary>What is waiting, for a person: e.g. <c>tool call 'Bash' from model gpt-4o</c>.</summary>
    public required string Summary { get; init; }
    public string? Rule { get; init; }
    public required string Reason { get; init; }
    public string? Session { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset Expires { get; init; }
}

/// <summary>How a held action ended. Only <see cref="Approved"/> lets it through.</summary>
public enum ApprovalOutcome
{
    Approved,
    Denied,
    TimedOut,

    /// <summary>The caller went away or the gateway is shutting down.</summary>
    Cancelled,
}

public static class ApprovalOutcomeExtensions
{
    public static string ToWire(this ApprovalOutcome o) => o switch
    {
        ApprovalOutcome.Approved => "approved",
        ApprovalOutcome.Denied => "denied",
        ApprovalOutcome.TimedOut => "timed_out",
        ApprovalOutcome.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(o)),
    };
}
