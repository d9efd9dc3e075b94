using BenchmarkDotNet.Attributes;

namespace Palisade.Bench;

/// <summary>
/// 1 MB of developer text down and up over HTTPS: straight to the origin, and through the intercepting egress proxy
/// (CONNECT, TLS terminated with a minted leaf, every window judged, TLS again to the origin). Connections are reused,
/// as an agent's client would. The difference is what the proxy adds.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class EgressProxyBenchmarks
{
    private const long OneMb = 1024 * 1024;
    private EgressRig _rig = null!;

    [GlobalSetup]
    public void Setup() => _rig = EgressRig.StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _rig.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task<byte[]> Download1MbDirect() => _rig.Direct.GetByteArrayAsync(new Uri(_rig.DirectBase, $"down?n={OneMb}"));

    [Benchmark]
    public Task<byte[]> Download1MbThroughProxy() => _rig.Proxied.GetByteArrayAsync(new Uri(EgressRig.ProxiedBase, $"down?n={OneMb}"));

    [Benchmark]
    public async Task<string> Upload1MbDirect() =>
        await (await _rig.Direct.PostAsync(new Uri(_rig.DirectBase, "up"), EgressRig.Upload(OneMb))).Content.ReadAsStringAsync();

    [Benchmark]
    public async Task<string> Upload1MbThroughProxy() =>
        await (await _rig.Proxied.PostAsync(new Uri(EgressRig.ProxiedBase, "up"), EgressRig.Upload(OneMb))).Content.ReadAsStringAsync();
}
