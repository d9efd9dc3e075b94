using System.Diagnostics;
using Palisade.Core.Engine;
using Palisade.Core.Model;

namespace Palisade.Bench;

/// <summary>
/// A Stopwatch loop over the content pipeline, for quick before/after comparisons on a shared machine where a full
/// BenchmarkDotNet run takes minutes: <c>pipeline-loop [state] [seconds] [clean|dirty bytes]</c>. The engine is in the state a long-running
/// host reaches (<c>hot</c>: rules move to the linear-time engine after 64 runs, as <c>palisade run</c> does), a
/// one-shot process has (<c>fresh</c>), or after a full warm-up (<c>warm</c>). Each row reports the best of several
/// rounds (the least disturbed by other processes) and the best round's thread CPU time per evaluation.
/// </summary>
public static class PipelineLoop
{
    public static int Run(string[] args)
    {
        var state = args.Length > 1 ? args[1] : "hot";
        var seconds = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1.0;
        var engine = PalisadeEngine.CreateDefault();
        if (state == "hot") engine.Rules.UpgradeWhenHot(64);
        else if (state == "warm") engine.WarmUpLinearTimeAsync().GetAwaiter().GetResult();
        Console.WriteLine($"state {state}, {seconds} s per row, {Environment.ProcessorCount} cores, load {Load()}");
        var rows = new[] { ("clean", 1024), ("clean", 10 * 1024), ("clean", 1024 * 1024), ("dirty", 10 * 1024), ("dirty", 1024 * 1024) };
        // Optional: one row only (pipeline-loop hot 5 clean 10240), e.g. under a profiler.
        if (args.Length > 4) rows = [(args[3], int.Parse(args[4]))];
        foreach (var (text, size) in rows)
        {
            var action = AgentAction.FromText(ActionKind.Prompt, text == "clean" ? SampleText.Clean(size) : SampleText.Dirty(size));
            var decision = engine.Evaluate(action).Decision;
            if ((text == "clean") != (decision == Decision.Allow))
                throw new InvalidOperationException($"{text} sample of {size} bytes got {decision}");
            // Warm-up: tiering, hot-rule upgrades (queued on the thread pool), pooled buffers.
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed.TotalSeconds < Math.Max(1.0, seconds)) engine.Evaluate(action);
            Thread.Sleep(1000);
            var best = double.MaxValue;
            var bestCpu = double.MaxValue;
            for (var round = 0; round < 5; round++)
            {
                var n = 0;
                var cpu0 = ThreadCpu.Nanoseconds();
                var sw = Stopwatch.StartNew();
                while (sw.Elapsed.TotalSeconds < seconds / 5)
                {
                    engine.Evaluate(action);
                    n++;
                }
                var wall = sw.Elapsed.TotalMicroseconds / n;
                var cpu = (ThreadCpu.Nanoseconds() - cpu0) / 1000.0 / n;
                best = Math.Min(best, wall);
                bestCpu = Math.Min(bestCpu, cpu);
            }
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            engine.Evaluate(action);
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine($"{text,-5} {Size(size),6}  {best,10:F1} µs  {size / best / 1.048576,7:F0} MB/s  (thread CPU {bestCpu:F1} µs)  {allocated / 1024.0:F1} KB allocated");
        }
        return 0;
    }

    private static string Size(int bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024 / 1024} MB" : $"{bytes / 1024} KB";

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
