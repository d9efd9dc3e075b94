using System.Diagnostics;

namespace Palisade.Tests.Mcp.Support;

/// <summary>Runs the palisade CLI as its own process with a given <c>$PALISADE_HOME</c> (in-process runs would share the environment).</summary>
public static class PalisadeProcess
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(string home, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(McpTestPaths.Palisade);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["PALISADE_HOME"] = home;
        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(McpTestPaths.Wait);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
