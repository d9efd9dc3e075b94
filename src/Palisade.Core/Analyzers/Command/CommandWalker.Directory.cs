namespace Palisade.Core.Analyzers.Commands;

/// <summary>The directory a line has moved to: relative operands are judged where they are.</summary>
public sealed partial class CommandWalker
{
    private string? _directory;

    /// <summary>
    /// <c>cd DIR</c> to a place the line names (<c>/etc</c>, <c>~/.ssh</c>, or relative to one it named before): later relative
    /// operands are judged where they are, so <c>cd ~/.aws &amp;&amp; cat credentials</c> reads what it reads. Anywhere
    /// the line does not say (<c>cd "$dir"</c>, <c>cd -</c>) makes the directory unknown again.
    /// </summary>
    private void TrackDirectory(ArgvCommand c)
    {
        if (c.Program is not ("cd" or "pushd" or "chdir")) return;
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
            _ => null,
        };
    }

    /// <summary>A directory the line spells out: no substitution, variable (but a leading <c>$HOME</c>), drive or backslash.</summary>
    private static bool IsLiteralDirectory(string dir)
    {
        var rest = dir.StartsWith("$HOME", StringComparison.Ordinal) ? dir.AsSpan(5) : dir.AsSpan();
        return rest.IndexOfAny("$`%:\\") < 0;
    }

    /// <summary>A relative operand as the path it names once the line has moved to a known directory.</summary>
    private FileEffect InDirectory(FileEffect effect)
    {
        var p = effect.Path;
        if (_directory is null || p.Length == 0 || p[0] is '/' or '~' or '$' or '\\' or '%' or '<' or '-' || p.Contains(':') || p.Contains('\\')) return effect;
        return effect with { Path = ArgvNormalizer.NormalizePath(_directory + "/" + p) };
    }
}
