using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Palisade.GatewayLoad;

/// <summary>
/// Resident memory of a real <c>palisade run</c> process holding N open streams, against the same process idle after its
/// background rule warm-up (which alone takes most of the resident set). The streams stay open upstream until released.
/// </summary>
public static class MemoryRun
{
    public static async Task RunAsync(FakeProvider upstream, byte[] body, int streams)
    {
        var dll = FindPalisade();
        var home = Directory.CreateTempSubdirectory("palisade-bench-mem-").FullName;
        var (data, admin) = (FreePort(), FreePort());
        var start = new ProcessStartInfo("dotnet", [dll, "run", "--listen", $"127.0.0.1:{data}", "--admin-listen", $"127.0.0.1:{admin}", "--provider", $"openai={upstream.Url}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["PALISADE_HOME"] = home },
        };
        using var process = Process.Start(start)!;
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = streams + 10 }) { Timeout = TimeSpan.FromMinutes(5) };
            var baseUrl = new Uri($"http://127.0.0.1:{data}/");
            for (var i = 0; i < 300 && !await HealthyAsync(client, baseUrl); i++) await Task.Delay(100);
            var idle = await SettledRssAsync(process);
            Console.WriteLine($"palisade run idle after warm-up: {idle / 1048576.0:0.0} MB RSS");

            var open = new List<(HttpResponseMessage Response, Stream Stream)>();
            var buffer = new byte[4096];
            for (var i = 0; i < streams; i++)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "openai/v1/chat/completions?hold=1")) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new("application/json");
                var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var stream = await response.Content.ReadAsStreamAsync();
                if (await stream.ReadAsync(buffer) == 0) throw new InvalidOperationException("a held stream ended early.");
                open.Add((response, stream));
            }
            var held = await SettledRssAsync(process);
            Console.WriteLine($"palisade run with {streams} open streams: {held / 1048576.0:0.0} MB RSS; delta {(held - idle) / 1048576.0:0.0} MB, {(held - idle) / 1024.0 / streams:0.0} KB per stream");
            upstream.Release();
            foreach (var (response, stream) in open)
            {
                await stream.DisposeAsync();
                response.Dispose();
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(home, recursive: true);
        }
    }

    private static async Task<bool> HealthyAsync(HttpClient client, Uri baseUrl)
    {
        try { return (await client.GetAsync(new Uri(baseUrl, "healthz"))).StatusCode == HttpStatusCode.OK; }
        catch (HttpRequestException) { return false; }
    }

    /// <summary>RSS once it stops moving (three readings a second apart within 2 MB), or after 120 s.</summary>
    private static async Task<long> SettledRssAsync(Process process)
    {
        long last = -1;
        var still = 0;
        for (var i = 0; i < 120 && still < 3; i++)
        {
            await Task.Delay(1000);
            var rss = Rss(process.Id);
            still = Math.Abs(rss - last) < 2 * 1048576 ? still + 1 : 0;
            last = rss;
        }
        return last;
    }

    private static long Rss(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindPalisade()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Palisade.Cli", "bin", "Release", "net10.0", "palisade.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("build the CLI first: dotnet build src/Palisade.Cli -c Release");
    }
}
