using System.Collections.Concurrent;

namespace Palisade.Gateway.Egress.Sessions;

/// <summary>
/// Per-session outbound state for cross-request scanning, in memory and bounded: at most <see cref="MaxSessions"/>
/// sessions; when full, the ones idle longest go first.
/// </summary>
public sealed class SessionStore(EgressProxyOptions options, TimeProvider time)
{
    public const int MaxSessions = 10_000;
    private readonly ConcurrentDictionary<string, SessionState> _sessions = new(StringComparer.Ordinal);

    private SessionState Get(string session)
    {
        var now = time.GetTimestamp();
        if (_sessions.Count >= MaxSessions && !_sessions.ContainsKey(session)) Evict();
        var state = _sessions.GetOrAdd(session, _ => new SessionState());
        state.LastSeen = now;
        return state;
    }

    private void Evict()
    {
        foreach (var old in _sessions.OrderBy(p => p.Value.LastSeen).Take(MaxSessions / 10).Select(p => p.Key).ToList())
            _sessions.TryRemove(old, out _);
    }

    /// <summary>The session's recent outbound text with <paramref name="fragment"/> appended, and where it starts; the fragment is kept.</summary>
    public (string Joined, int FragmentStart) JoinAndRemember(string session, string fragment) =>
        Get(session).JoinAndRemember(fragment, options.SessionBufferChars);

    /// <summary>Spends the fragment's high-entropy characters; true when the session is still within its budget.</summary>
    public bool Spend(string session, string fragment, out int spent)
    {
        spent = 0;
        if (options.EntropyBudgetChars <= 0) return true;
        spent = Get(session).Spend(EntropyMeter.HighEntropyChars(fragment), time.GetTimestamp(), time, options.EntropyWindow);
        return spent <= options.EntropyBudgetChars;
    }
}
