using System.Diagnostics;
using System.Text;
using Palisade.Core.Audit;

namespace Palisade.Tests.Audit;

/// <summary>Writers in several threads and several processes share one directory without breaking the chain.</summary>
public sealed class ConcurrentWriterTests
{
    [Fact]
    public void Two_writers_in_parallel_threads_interleave_into_one_chain()
    {
        using var fixture = new AuditFixture();
        var logs = new[] { fixture.NewLog(checkpointInterval: 32), fixture.NewLog(checkpointInterval: 32) };
        var seqs = new List<long>[2];

        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, w =>
        {
            seqs[w] = [];
            for (var i = 0; i < 150; i++)
                seqs[w].AddRange(logs[w].Append([fixture.Verdict(w * 1000 + i)]).Where(r => r.Type == AuditRecordType.Verdict).Select(r => r.Seq));
        });

        Assert.Empty(seqs[0].Intersect(seqs[1]));
        var report = fixture.Verify();
        Assert.True(report.Intact, report.Failure?.Problem);
        Assert.Equal(300, report.Records - report.Checkpoints);
    }

    [Fact]
    public async Task Two_recorders_and_a_one_shot_writer_share_a_directory()
    {
        using var fixture = new AuditFixture();
        await using (var a = new AuditRecorder(fixture.NewLog(checkpointInterval: 64)))
        await using (var b = new AuditRecorder(fixture.NewLog(checkpointInterval: 64)))
        {
            var tasks = new List<Task<AuditRecord>>();
            for (var i = 0; i < 200; i++)
            {
                tasks.Add(a.AppendAsync(fixture.Verdict(i), TestContext.Current.CancellationToken));
                tasks.Add(b.AppendAsync(fixture.Verdict(1000 + i), TestContext.Current.CancellationToken));
                if (i % 50 == 0) fixture.NewLog().Append([fixture.Verdict(5000 + i)]);
            }
            var records = await Task.WhenAll(tasks);
            Assert.Equal(records.Length, records.Select(r => r.Seq).Distinct().Count());
        }

        var report = fixture.Verify();
        Assert.True(report.Intact, report.Failure?.Problem);
        Assert.Equal(404, report.Records - report.Checkpoints);
    }

    [Fact]
    public async Task Two_processes_appending_at_once_keep_the_chain_intact()
    {
        using var fixture = new AuditFixture();
        var home = Path.Combine(fixture.Root, "home");
        var palisade = Path.Combine(AppContext.BaseDirectory, "palisade.dll");
        var input = string.Concat(Enumerable.Range(0, 600).Select(i => $"{{\"id\":{i},\"content\":\"line {i}\"}}\n"));

        var runs = Enumerable.Range(0, 2).Select(_ => RunAsync(palisade, home, fixture.AuditDir, input)).ToArray();
        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Error));
        using var trusted = AuditTrustedKey.FromFile(Path.Combine(home, "keys", AuditSigningKey.PublicKeyFileName));
        var report = AuditVerifier.Verify(fixture.AuditDir, trusted);
        Assert.True(report.Intact, report.Failure?.Problem);
        Assert.Equal(1200, report.Records - report.Checkpoints);
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(string palisade, string home, string auditDir, string input)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var arg in new[] { palisade, "scan", "--batch", "--audit", auditDir }) start.ArgumentList.Add(arg);
        start.Environment["PALISADE_HOME"] = home;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        await stdout;
        return (process.ExitCode, await stderr);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";
}
