using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Palisade.Mcp.Proxy;

/// <summary>A request one side sent that the other has not answered yet.</summary>
public sealed record PendingRequest(JsonNode? Id, string Method, string? Tool);

/// <summary>
/// Requests in flight in one direction, by id. A response is relayed only if it answers one of them, once:
/// a response with an unknown or already-answered id is dropped, so a server cannot slip in an answer the client never asked for.
/// </summary>
public sealed class PendingRequests
{
    private readonly ConcurrentDictionary<string, PendingRequest> _byId = new(StringComparer.Ordinal);

    public bool TryAdd(string idKey, PendingRequest request) => _byId.TryAdd(idKey, request);
    public bool TryTake(string idKey, out PendingRequest request) => _byId.TryRemove(idKey, out request!);

    /// <summary>Takes every pending request (to answer them all with an error when the other side is gone).</summary>
    public List<PendingRequest> TakeAll()
    {
        var all = new List<PendingRequest>();
        foreach (var key in _byId.Keys)
            if (_byId.TryRemove(key, out var r)) all.Add(r);
        return all;
    }
}
