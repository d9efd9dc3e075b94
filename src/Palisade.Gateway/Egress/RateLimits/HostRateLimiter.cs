using System.Collections.Concurrent;

namespace Palisade.Gateway.Egress.RateLimits;

/// <summary>
/// A token bucket per destination host: <c>perMinute</c> requests a minute, refilled continuously, bursting up to the same
/// number. An agent in a loop (or draining data one request at a time) gets 429 instead of the host.
/// </summary>
public sealed class HostRateLimiter(int perMinute, TimeProvider time)
{
    private const int MaxHosts = 10_000;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.OrdinalIgnoreCase);

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens = tokens;
        public long Stamp = stamp;
    }

    /// <summary>True when a request to <paramref name="host"/> may go now; else <paramref name="retryAfter"/> says when.</summary>
    public bool TryAcquire(string host, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (perMinute <= 0) return true;
        var now = time.GetTimestamp();
        if (_buckets.Count > MaxHosts) _buckets.Clear(); // bounded memory; a reset only ever gives hosts a fresh bucket
        var bucket = _buckets.GetOrAdd(host, _ => new Bucket(perMinute, now));
        lock (bucket)
        {
            var elapsed = time.GetElapsedTime(bucket.Stamp, now).TotalMinutes;
            bucket.Tokens = Math.Min(perMinute, bucket.Tokens + elapsed * perMinute);
            bucket.Stamp = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return true;
            }
            retryAfter = TimeSpan.FromMinutes((1 - bucket.Tokens) / perMinute);
            return false;
        }
    }
}
