using System.Text;

namespace Palisade.Gateway.Egress.Sessions;

/// <summary>One session's outbound memory: the tail of what it sent recently, and the high-entropy characters it spent.</summary>
internal sealed class SessionState
{
    private readonly StringBuilder _recent = new();
    private readonly Queue<(long Stamp, int Chars)> _spent = new();
    private int _spentTotal;

    public long LastSeen;

    /// <summary>
    /// The recent buffer followed by <paramref name="fragment"/>, and where the fragment starts in it; the fragment is
    /// appended in the same step, so requests of one session running in parallel still line up one after the other.
    /// </summary>
    public (string Joined, int FragmentStart) JoinAndRemember(string fragment, int capacity)
    {
        lock (this)
        {
            var joined = (_recent + fragment, _recent.Length);
            _recent.Append(fragment);
            if (_recent.Length > capacity) _recent.Remove(0, _recent.Length - capacity);
            return joined;
        }
    }

    /// <summary>Adds <paramref name="chars"/> to the spend of the window ending now; returns the window's total.</summary>
    public int Spend(int chars, long now, TimeProvider time, TimeSpan window)
    {
        lock (this)
        {
            while (_spent.Count > 0 && time.GetElapsedTime(_spent.Peek().Stamp, now) > window) _spentTotal -= _spent.Dequeue().Chars;
            if (chars > 0)
            {
                _spent.Enqueue((now, chars));
                _spentTotal += chars;
                if (_spent.Count > 4096) _spentTotal -= _spent.Dequeue().Chars; // bounded: the oldest entries go first
            }
            return _spentTotal;
        }
    }
}
