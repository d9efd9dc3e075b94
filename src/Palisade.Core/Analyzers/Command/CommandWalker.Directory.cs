namespace Palisade.Core.Analyzers.Commands;

/// <summary>The directory a line has moved to: relative operands are judged where they are.</summary>
public sealed partial class CommandWalker
{
    private string? _directory;

    /// <summary>The line moved somewhere it does not name: relative operands no longer start in the action's working directory.</summary>
    private bool _directoryLost;

    /// <summary>
    /// <c>cd DIR</c> to a place the line names (<c>/etc</c>, <c>~/.ssh</c>, or relative to one it named before): later relative
    /// operands are judged where they are, so <c>cd ~/.aws &amp;&amp; cat credentials</c> reads what it reads. A relative
    /// <c>cd .aws</c> before any other stays relative: the action's working directory, if it has one, settles it. Anywhere
    /// the line does not say (<c>cd "$dir"</c>, <c>cd -</c>) makes the directory unknown for the rest of the line.
    /// </summary>
    private void TrackDirectory(ArgvCommand c)
    {
        if (c.Program is not ("cd" or "pushd" or "chdir" or "set-location" or "sl" or "push-location")) return;
        string? target = null;
        var operands = 0;
        foreach (var a in c.Args)
        {
            if (a.Length == 0 || (a.Length > 1 && a[0] == '-')) continue;
            target = a;
            operands++;
        }
        _directory = operands switch
        {
            0 => "~",
            1 when target == "-" || !IsLiteralDirectory(target!) => null,
            1 when target![0] is '/' or '~' || target.StartsWith("$HOME", StringComparison.Ordinal) => ArgvNormalizer.NormalizePath(target),
            1 when _directory is not null => ArgvNormalizer.NormalizePath(_directory + "/" + target),
            1 when !_directoryLost => target,
            _ => null,
        };
        _directoryLost = _directory is null;
    }

    /// <summary>A directory the line spells out: no substitution, variable (but a leading <c>$HOME</c>), drive or backslash.</summary>
    private static bool IsLiteralDirectory(string dir)
    {
        var rest = dir.StartsWith("$HOME", StringComparison.Ordinal) ? dir.AsSpan(5) : dir.AsSpan();
        return rest.IndexOfAny("$`%:\\") < 0;
    }

    /// <summary>
    /// A relative operand as the path it names once the line has moved to a known directory (still relative to the
    /// action's working directory after a relative <c>cd</c>), or marked unanchored once the line has lost its place.
    /// </summary>
    private FileEffect InDirectory(FileEffect effect)
    {
        var p = effect.Path;
        if (p.Length == 0 || p[0] is '/' or '~' or '$' or '\\' or '%' or '<' or '-' || p.Contains(':') || p.Contains('\\')) return effect;
        if (_directoryLost) return effect with { Unanchored = true };
        if (_directory is null) return effect;
        return effect with { Path = ArgvNormalizer.NormalizePath(_directory + "/" + p) };
    }
}
