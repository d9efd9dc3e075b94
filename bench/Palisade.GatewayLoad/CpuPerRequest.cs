using System.Diagnostics;

namespace Palisade.GatewayLoad;

/// <summary>
/// Process CPU time per request on each path (client, fake upstream and gateway share the process, so the difference
/// between two paths is what the extra hop costs). Steadier than wall time on a shared machine: waiting for a core
/// costs no CPU.
/// </summary>
public static class CpuPerRequest
{
    public static async Task RunAsync(Load load, IEnumerable<(string Name, Uri Url)> targets, int requests)
    {
        Console.WriteLine("| path | CPU µs per request (4 KB, concurrency 1) | allocated KB per request | gen0 / gen1 / gen2 GCs | GC pause ms in all | methods jitted during the run |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (name, url) in targets)
        {
            // Warm-up until tiered compilation has settled (a few thousand methods reach tier 1 over ~10 s on two cores).
            var warming = Stopwatch.StartNew();
            do await load.RunAsync(url, "?size=4096", 1, Math.Max(100, requests / 10));
            while (warming.Elapsed < TimeSpan.FromSeconds(12));
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
            var allocated = GC.GetTotalAllocatedBytes(precise: false);
            var (g0, g1, g2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            await load.RunAsync(url, "?size=4096", 1, requests);
            process.Refresh();
            var perRequest = (process.TotalProcessorTime - cpu).TotalMicroseconds / requests;
            Console.WriteLine($"| {name} | {perRequest:0} | {(GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1024.0 / requests:0.0} | {GC.CollectionCount(0) - g0} / {GC.CollectionCount(1) - g1} / {GC.CollectionCount(2) - g2} | {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:0.0} | {System.Runtime.JitInfo.GetCompiledMethodCount() - jitted} |");
        }
    }
}
