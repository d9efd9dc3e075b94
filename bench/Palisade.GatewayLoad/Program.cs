using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Palisade.Bench;
using Palisade.GatewayLoad;

// dotnet run -c Release --project bench/Palisade.GatewayLoad -- [latency|memory|cost|cpu|alloc] [--requests N] [--quick] (see docs/benchmarks.md, "Gateway")
var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "latency";
var requests = args.SkipWhile(a => a != "--requests").Skip(1).Select(int.Parse).FirstOrDefault(300);
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var prompt = "#000000# " + SampleText.Clean(3800);
var body = Encoding.UTF8.GetBytes(new JsonObject
{
    ["model"] = "gpt-4o", ["stream"] = true,
    ["messages"] = new JsonArray(new JsonObject { ["role"] = "system", ["content"] = "You are a coding assistant." }, new JsonObject { ["role"] = "user", ["content"] = prompt }),
}.ToJsonString());
Console.WriteLine($"request body: {body.Length} bytes; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

if (scenario == "cost")
{
    CostBreakdown.Run(body);
    return;
}

await using var upstream = await FakeProvider.StartAsync();
if (scenario == "memory")
{
    await MemoryRun.RunAsync(upstream, body, args.SkipWhile(a => a != "--streams").Skip(1).Select(int.Parse).FirstOrDefault(1000));
    return;
}

await using var passThrough = await PassThrough.StartAsync(upstream.Url);
await using var gateway = await InProcessGateway.StartAsync(upstream.Url);
using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 1024, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromMinutes(2) };
var load = new Load(client, body);
var targets = new (string Name, Uri Url)[] { ("direct", new Uri(upstream.Url, "/x/")), ("pass-through", passThrough.Url), ("palisade", gateway.Url) };

if (scenario == "alloc")
{
    // Sampled allocation profile of the gateway path (new prompts), after a warm-up.
    using var sampler = new AllocationSampler();
    await load.RunAsync(gateway.Url, "?size=4096", 1, requests);
    sampler.Start();
    await load.RunAsync(gateway.Url, "?size=4096", 1, requests);
    sampler.Print(requests);
    return;
}

if (scenario == "cpu")
{
    var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault(); // e.g. --only palisade, to profile one path
    await CpuPerRequest.RunAsync(load, targets.Where(t => only is null || t.Name == only), requests);
    load.UniquePrompts = false;
    if (only is null or "resent") await CpuPerRequest.RunAsync(load, [("palisade, prompt resent", gateway.Url)], requests);
    return;
}

Console.WriteLine("| response | concurrency | path | p50 ms | p99 ms | first byte p50 ms | first byte p99 ms |");
Console.WriteLine("|---|---|---|---|---|---|---|");
var quick = args.Contains("--quick"); // 4 KB at concurrency 1 only: the latency target's row
foreach (var size in quick ? new[] { 4 * 1024 } : new[] { 4 * 1024, 64 * 1024 })
    foreach (var concurrency in quick ? new[] { 1 } : new[] { 1, 64 })
    {
        var perWorker = concurrency == 1 ? requests : Math.Max(4, requests / 16);
        var results = new Dictionary<string, Load.Result>();
        // Warm-up until the process is in the steady state a long-running gateway lives in: tiered JIT done (a few thousand
        // methods reach tier 1 over ~10 s on two cores), hot rules on the linear-time engine (decision 011). A short
        // warm-up measures tier-0 and instrumented code, and the JIT thread competing for the two cores.
        foreach (var (name, url) in targets)
        {
            var settled = size != 4 * 1024 || concurrency != 1; // the first block warms the process for the rest
            var warming = System.Diagnostics.Stopwatch.StartNew();
            do await load.RunAsync(url, $"?size={size}", concurrency, Math.Max(2, perWorker / 5));
            while (warming.Elapsed < TimeSpan.FromSeconds(settled ? 2 : 12));
        }
        // Interleave the paths round by round so drift in a shared machine's load hits all three alike.
        for (var round = 0; round < 3; round++)
            foreach (var (name, url) in targets)
            {
                var r = await load.RunAsync(url, $"?size={size}", concurrency, Math.Max(1, perWorker / 3));
                results[name] = results.TryGetValue(name, out var prev) ? new Load.Result([.. prev.TotalMs, .. r.TotalMs], [.. prev.FirstByteMs, .. r.FirstByteMs]) : r;
            }
        foreach (var (name, _) in targets)
        {
            var r = results[name];
            Console.WriteLine($"| {size / 1024} KB | {concurrency} | {name} | {Load.Percentile(r.TotalMs, 50):0.000} | {Load.Percentile(r.TotalMs, 99):0.000} | {Load.Percentile(r.FirstByteMs, 50):0.000} | {Load.Percentile(r.FirstByteMs, 99):0.000} |");
        }
        Console.Out.Flush();
    }

{
    // An agent resends its whole history every turn: the same 4 KB prompt again, read clean before.
    load.UniquePrompts = false;
    await load.RunAsync(gateway.Url, "?size=4096", 1, 20);
    var r = await load.RunAsync(gateway.Url, "?size=4096", 1, requests);
    Console.WriteLine($"| 4 KB | 1 | palisade, prompt resent | {Load.Percentile(r.TotalMs, 50):0.000} | {Load.Percentile(r.TotalMs, 99):0.000} | {Load.Percentile(r.FirstByteMs, 50):0.000} | {Load.Percentile(r.FirstByteMs, 99):0.000} |");
    load.UniquePrompts = true;
}

if (quick) return;
Console.WriteLine();
Console.WriteLine("| path | delta forwarding delay p50 ms | p99 ms | max ms |");
Console.WriteLine("|---|---|---|---|");
foreach (var (name, url) in targets)
{
    var delays = await load.PacedAsync(url, upstream, deltas: 40, runs: Math.Max(3, requests / 30));
    Console.WriteLine($"| {name} | {Load.Percentile(delays, 50):0.000} | {Load.Percentile(delays, 99):0.000} | {delays.Max():0.000} |");
}
