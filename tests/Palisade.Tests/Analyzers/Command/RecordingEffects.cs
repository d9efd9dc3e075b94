using Palisade.Core.Analyzers.Commands;
using Palisade.Core.Model;

namespace Palisade.Tests.Analyzers.Commands;

/// <summary>Records what a walked line hands to the path and URL analyzers; a path is a credential when the test says so.</summary>
internal sealed class RecordingEffects(Func<string, bool>? credential = null) : ICommandEffects
{
    public List<(string Path, FileOperation Operation)> Files { get; } = [];
    public List<(string Url, string Method)> Urls { get; } = [];

    /// <summary>Every access with what the walker knew about it (a tree read, a relative path whose directory was lost).</summary>
    public List<FileEffect> Effects { get; } = [];

    public bool File(string path, FileOperation operation, int start, int length)
    {
        Files.Add((path, operation));
        return credential?.Invoke(path) ?? false;
    }

    public bool File(FileEffect effect, int start, int length)
    {
        Effects.Add(effect);
        return File(effect.Path, effect.Operation, start, length);
    }

    public void Url(string url, string method, int start, int length) => Urls.Add((url, method));

    /// <summary>Walks <paramref name="line"/> and returns its canonical form's lines.</summary>
    public static string[] Lines(string line, RecordingEffects? effects = null)
    {
        var walker = new CommandWalker(effects ?? new RecordingEffects());
        walker.Walk(line);
        return walker.Form.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
