using System.Diagnostics;
using System.Net;
using System.Text;

namespace Palisade.GatewayLoad;

/// <summary>Drives streamed Chat Completions requests at a base URL and measures whole-response time and time to the first body byte.</summary>
public sealed class Load(HttpClient client, byte[] requestBody)
{
    public sealed record Result(double[] TotalMs, double[] FirstByteMs);

    public async Task<Result> RunAsync(Uri baseUrl, string query, int concurrency, int requestsPerWorker)
    {
        var total = new double[concurrency * requestsPerWorker];
        var first = new double[concurrency * requestsPerWorker];
        var target = new Uri(baseUrl, "openai/v1/chat/completions" + query);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var buffer = new byte[16 * 1024];
            for (var i = 0; i < requestsPerWorker; i++)
            {
                var (t, f) = await OneAsync(target, buffer);
                total[w * requestsPerWorker + i] = t;
                first[w * requestsPerWorker + i] = f;
            }
        })));
        return new Result(total, first);
    }

    private async Task<(double Total, double First)> OneAsync(Uri target, byte[] buffer)
    {
        var start = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(requestBody) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Authorization = new("Bearer", "sk-bench");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{target}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await using var stream = await response.Content.ReadAsStreamAsync();
        var firstAt = 0L;
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0)
            if (firstAt == 0) firstAt = Stopwatch.GetTimestamp();
        var end = Stopwatch.GetTimestamp();
        return (Stopwatch.GetElapsedTime(start, end).TotalMilliseconds, Stopwatch.GetElapsedTime(start, firstAt).TotalMilliseconds);
    }

    /// <summary>Per-delta forwarding delay: each numbered delta's arrival at the client minus when the upstream sent it.</summary>
    public async Task<List<double>> PacedAsync(Uri baseUrl, FakeProvider upstream, int deltas, int runs)
    {
        var delays = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            var tag = Guid.NewGuid().ToString("N");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, $"openai/v1/chat/completions?paced={deltas}&tag={tag}")) { Content = new ByteArrayContent(requestBody) };
            request.Content.Headers.ContentType = new("application/json");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[16 * 1024];
            var text = new StringBuilder();
            var seen = 0;
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                var now = Stopwatch.GetTimestamp();
                text.Append(Encoding.UTF8.GetString(buffer, 0, n));
                var sent = upstream.SentAt[tag];
                for (; seen < deltas; seen++)
                {
                    if (text.ToString().IndexOf($"tok{seen:D4}", StringComparison.Ordinal) < 0) break;
                    delays.Add(Stopwatch.GetElapsedTime(sent[seen], now).TotalMilliseconds);
                }
            }
        }
        return delays;
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
