using System.Runtime.InteropServices;

namespace Palisade.Bench;

/// <summary>
/// This thread's CPU time (Linux, CLOCK_THREAD_CPUTIME_ID): what the measured work cost, without the time other processes
/// held the core — steadier than wall time on a shared machine. Linked into Palisade.GatewayLoad too.
/// </summary>
public static class ThreadCpu
{
    private const int ThreadCpuTimeClock = 3;

    public static long Nanoseconds()
    {
        clock_gettime(ThreadCpuTimeClock, out var ts);
        return ts.Sec * 1_000_000_000 + ts.Nsec;
    }

    [DllImport("libc")]
    private static extern int clock_gettime(int clock, out Timespec ts);

    private struct Timespec
    {
        public long Sec;
        public long Nsec;
    }
}
