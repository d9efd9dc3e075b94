namespace Palisade.Core.Analyzers.Commands;

/// <summary>
/// Bounds on the work one command line can cause. Past any of them analysis stops where it is and the line is
/// reported as not fully read (<c>cmd-unparseable</c>), so a hostile input costs linear time and never passes unread.
/// </summary>
public sealed record CommandLimits
{
    /// <summary>Nesting of <c>$( )</c>, subshells, groups and compound commands inside one text.</summary>
    public int MaxParseDepth { get; init; } = 24;

    /// <summary>Words one parse may read.</summary>
    public int MaxWords { get; init; } = 20_000;

    /// <summary>Command strings inside command strings (<c>bash -c</c> in <c>eval</c> in <c>ssh</c>, decoded payloads).</summary>
    public int MaxNestedScripts { get; init; } = 8;

    /// <summary>Simple commands analysed per line, all nesting levels together.</summary>
    public int MaxCommands { get; init; } = 4_000;

    /// <summary>Words one brace expansion may produce.</summary>
    public int MaxBraceWords { get; init; } = 64;

    /// <summary>Characters a decoded payload (base64, printf escapes, gzip) may produce.</summary>
    public int MaxDecodedChars { get; init; } = 256 * 1024;

    /// <summary>File and URL actions handed to other analyzers per line.</summary>
    public int MaxInnerActions { get; init; } = 64;

    /// <summary>Characters of the canonical form; past this the rest of the line is not rendered.</summary>
    public int MaxCanonicalChars { get; init; } = 512 * 1024;

    public static CommandLimits Default { get; } = new();
}
