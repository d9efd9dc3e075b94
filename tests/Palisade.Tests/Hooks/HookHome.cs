using System.Text.Json;
using Palisade.Cli;
using Palisade.Tests.Support;

namespace Palisade.Tests.Hooks;

/// <summary>
/// A temporary <c>$PALISADE_HOME</c> for hook tests, which run <c>palisade hook</c> through <see cref="Program.Run"/>
/// exactly as the agent would, and read back the flight recorder it wrote.
/// </summary>
public sealed class HookHome : IDisposable
{
    private readonly CliRunner.TempDir _dir = new();
    private readonly string? _saved = Environment.GetEnvironmentVariable("PALISADE_HOME");

    public HookHome() => Environment.SetEnvironmentVariable("PALISADE_HOME", Root);

    public string Root => Path.Combine(_dir.Path, "home");
    public string AuditDirectory => Path.Combine(Root, "audit");

    public CliRunner.Result Run(string stdin, params string[] args) => CliRunner.Run(stdin, ["hook", .. args]);

    /// <summary>Every record in the audit log, oldest first.</summary>
    public IReadOnlyList<JsonElement> AuditRecords()
    {
        if (!Directory.Exists(AuditDirectory)) return [];
        return Directory.GetFiles(AuditDirectory, "*.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines).Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    public IReadOnlyList<JsonElement> Verdicts() => AuditRecords().Where(r => r.GetProperty("type").GetString() == "verdict").ToList();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PALISADE_HOME", _saved);
        _dir.Dispose();
    }
}
