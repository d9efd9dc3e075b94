using System.Text;

namespace Palisade.Gateway.Egress.Sessions;

/// <summary>One session's outbound memory: the tail of what it sent recently, and the high-entropy characters it spent.</summary>
internal sealed class SessionState
{
    private readonly StringBuilder _recent = new();
    private readonly Queue<(long Stamp, int Chars)> _spent = new();
    private int _spentTotal;

    public long LastSeen;

    /// <summary>The recent buffer followed by <paramref name="fragment"/>, and where the fragment starts in it.</summary>
    public (string Joined, int FragmentStart) Join(string fragment)
    {
        lock (this) return (_recent + fragment, _recent.Length);
    }

    public void Remember(string fragment, int capacity)
    {
        lock (this)
        {
            _recent.Append(fragment);
            if (_recent.Length > capacity) _recent.Remove(0, _recent.Length - capacity);
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
