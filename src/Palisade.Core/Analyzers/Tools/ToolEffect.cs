using Palisade.Core.Model;

namespace Palisade.Core.Analyzers.Tools;

/// <summary>What one argument of a known tool does when the tool runs.</summary>
public enum EffectKind
{
    /// <summary>The argument is a shell line that will be executed.</summary>
    Command,

    /// <summary>The argument is a path the tool reads, writes, deletes or executes.</summary>
    File,

    /// <summary>The argument is a URL the tool fetches.</summary>
    Url,

    /// <summary>The argument is content the tool writes into the file named by the tool's path argument.</summary>
    FileContent,
}

/// <summary>
/// One argument of a tool and its effect. <see cref="Argument"/> is a key or a simple path into the arguments:
/// <c>command</c>, <c>paths[]</c> (each element), <c>edits[].new_string</c> (a field of each element).
/// </summary>
public sealed record ToolEffect(EffectKind Kind, string Argument, FileOperation Operation = FileOperation.Read)
{
    /// <summary>The tool reads the content of every file under the path (a content search): a directory is read whole.</summary>
    public bool Tree { get; init; }

    /// <summary>What the tool uses when the argument is absent (Grep searches <c>.</c>, the working directory), or null.</summary>
    public string? Default { get; init; }
}
