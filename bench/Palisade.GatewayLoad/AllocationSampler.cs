using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Palisade.GatewayLoad;

/// <summary>
/// Which types the process allocates, sampled by the runtime's own allocation ticks (one event per ~100 KB allocated,
/// naming the type that crossed the line): a rough allocation profile with no tools beyond the runtime.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _on;

    public void Start() => _on = true;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a]) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }

    public void Print(int requests, int top = 25)
    {
        Console.WriteLine("| type (sampled) | KB per request |");
        Console.WriteLine("|---|---|");
        foreach (var (type, bytes) in _bytes.OrderByDescending(kv => kv.Value).Take(top))
            Console.WriteLine($"| {type} | {bytes / 1024.0 / requests:0.0} |");
    }
}
