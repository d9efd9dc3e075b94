namespace Palisade.Mcp.Pinning;

/// <summary>
/// The pinned definition of one server's tool, and a changed one waiting for approval if the server has sent one.
/// Definitions are canonical JSON (<see cref="PinnedDefinition"/>), kept so a change can be shown as a diff.
/// </summary>
public sealed record ToolPin(
    string Server,
    string Tool,
    string Hash,
    string Definition,
    DateTimeOffset PinnedAt,
    string? PendingHash,
    string? PendingDefinition,
    string? PendingReason,
    DateTimeOffset? PendingSince)
{
    public bool IsPending => PendingHash is not null;
}
