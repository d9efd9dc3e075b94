using System.Collections.Concurrent;

namespace Palisade.Gateway.Llm.Judging;

/// <summary>
/// Sessions whose tool results read like a prompt injection that did not reach the block threshold. Tool calls the model
/// makes in such a session are held for a person when the engine found anything in them. Bounded: entries expire after
/// <see cref="Lifetime"/>, and past <see cref="MaxSessions"/> the oldest are dropped.
/// </summary>
public sealed class SessionTaint(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    public const int MaxSessions = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tainted = new(StringComparer.Ordinal);

    public void Mark(string session)
    {
        _tainted[session] = time.GetUtcNow();
        if (_tainted.Count > MaxSessions) Trim();
    }

    public bool IsTainted(string? session)
    {
        if (session is null || !_tainted.TryGetValue(session, out var since)) return false;
        if (time.GetUtcNow() - since <= Lifetime) return true;
        _tainted.TryRemove(session, out _);
        return false;
    }

    private void Trim()
    {
        foreach (var (key, _) in _tainted.OrderBy(kv => kv.Value).Take(_tainted.Count - MaxSessions / 2).ToList())
            _tainted.TryRemove(key, out _);
    }
}
