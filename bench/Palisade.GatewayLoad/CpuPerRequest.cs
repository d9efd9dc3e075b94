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
        Console.WriteLine("| path | CPU µs per request (4 KB, concurrency 1) | allocated KB per request | gen0 / gen1 / gen2 GCs | GC pause ms in all |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, url) in targets)
        {
            await load.RunAsync(url, "?size=4096", 1, requests); // warm-up as long as the run: tiering and hot-rule upgrades settle
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: false);
            var (g0, g1, g2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            await load.RunAsync(url, "?size=4096", 1, requests);
            process.Refresh();
            var perRequest = (process.TotalProcessorTime - cpu).TotalMicroseconds / requests;
            Console.WriteLine($"| {name} | {perRequest:0} | {(GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1024.0 / requests:0.0} | {GC.CollectionCount(0) - g0} / {GC.CollectionCount(1) - g1} / {GC.CollectionCount(2) - g2} | {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:0.0} |");
        }
    }
}
