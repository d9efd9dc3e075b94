using System.Diagnostics;
using System.Globalization;

namespace Palisade.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Palisade.Bench -- egress-memory [MB]</c>: moves MB (default 1024) of text down
/// and then up through the intercepting proxy, and prints the time and the process's peak resident memory before and
/// after. Bounded memory means the peak stays flat whatever the size: the proxy judges windows, it never holds a body.
/// </summary>
public static class EgressMemoryRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var mb = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1024;
        var bytes = mb * 1024 * 1024;
        await using var rig = await EgressRig.StartAsync();
        // Warm up (connections, leaf, JIT) so the baseline includes everything but the transfer.
        await rig.Proxied.GetByteArrayAsync(new Uri(EgressRig.ProxiedBase, "down?n=1048576"));
        Report("after warm-up", 0, TimeSpan.Zero);

        var clock = Stopwatch.StartNew();
        using (var response = await rig.Proxied.GetAsync(new Uri(EgressRig.ProxiedBase, $"down?n={bytes}"), HttpCompletionOption.ResponseHeadersRead))
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = await body.ReadAsync(buffer)) > 0) total += n;
            if (total != bytes) throw new InvalidOperationException($"downloaded {total} of {bytes} bytes");
        }
        Report($"after {mb} MB down", bytes, clock.Elapsed);

        clock.Restart();
        var answer = await (await rig.Proxied.PostAsync(new Uri(EgressRig.ProxiedBase, "up"), EgressRig.Upload(bytes))).Content.ReadAsStringAsync();
        if (answer != bytes.ToString(CultureInfo.InvariantCulture)) throw new InvalidOperationException($"the origin got {answer} of {bytes} bytes");
        Report($"after {mb} MB up", bytes, clock.Elapsed);
        return 0;
    }

    private static void Report(string when, long bytes, TimeSpan elapsed)
    {
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        var rate = bytes == 0 ? "" : $", {bytes / 1048576.0 / elapsed.TotalSeconds:0.0} MB/s in {elapsed.TotalSeconds:0.0} s";
        var info = GC.GetGCMemoryInfo();
        Console.WriteLine($"{when}: peak RSS {p.PeakWorkingSet64 / 1048576.0:0} MB, RSS {p.WorkingSet64 / 1048576.0:0} MB, GC heap {GC.GetTotalMemory(false) / 1048576.0:0} MB, " +
            $"GC heap after the last collection {info.HeapSizeBytes / 1048576.0:0} MB, collections gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}{rate}");
    }
}
