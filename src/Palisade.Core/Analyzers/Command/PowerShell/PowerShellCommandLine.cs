using System.Text;

namespace Palisade.Core.Analyzers.Commands.PowerShell;

/// <summary>
/// <c>powershell.exe</c> / <c>pwsh</c> arguments: <c>-EncodedCommand</c> (any unambiguous prefix, <c>-e</c>, <c>-enc</c>,
/// <c>-ec</c>) decoded from base64 UTF-16LE, <c>-Command</c> text, <c>-File</c>; trailing words are a command, as
/// powershell.exe reads them.
/// </summary>
public static class PowerShellCommandLine
{
    private static readonly string[] ValueParameters =
        ["executionpolicy", "windowstyle", "version", "psconsolefile", "outputformat", "inputformat", "configurationname", "workingdirectory", "settingsfile", "custompipename"];

    public static IEnumerable<Nested> Find(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.Length < 2 || a[0] is not ('-' or '/'))
                return [new NestedScript(string.Join(' ', args.Skip(i)), ScriptDialect.PowerShell)];
            var name = a[1..].ToLowerInvariant();
            var colon = name.IndexOf(':');
            string? attached = null;
            if (colon > 0) { attached = a[(colon + 2)..]; name = name[..colon]; }
            var value = attached ?? (i + 1 < args.Count ? args[i + 1] : null);
            if (name == "ec" || IsPrefix(name, "encodedcommand", 1))
            {
                if (value is null) return [];
                return Decode(value) is { } script ? [new NestedScript(script, ScriptDialect.PowerShell)] : [];
            }
            if (IsPrefix(name, "command", 1))
            {
                var text = attached ?? string.Join(' ', args.Skip(i + 1));
                return text == "-" ? [new NestedStdin("powershell")] : [new NestedScript(text, ScriptDialect.PowerShell)];
            }
            if (IsPrefix(name, "file", 1)) return value is null ? [] : [new NestedScriptFile(value)];
            if (name is "ep" or "ex" or "w" or "wd" || ValueParameters.Any(p => IsPrefix(name, p, 3)))
            {
                if (attached is null) i++;
            }
        }
        return [];
    }

    /// <summary>PowerShell accepts any prefix of a parameter name that is long enough to be unambiguous.</summary>
    private static bool IsPrefix(string name, string full, int min) => name.Length >= min && name.Length <= full.Length && full.StartsWith(name, StringComparison.Ordinal);

    /// <summary>An encoded command: base64 of UTF-16LE text (UTF-8 accepted when that is what it is). Null when it is not base64.</summary>
    public static string? Decode(string base64)
    {
        var clean = new StringBuilder(base64.Length);
        foreach (var c in base64)
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=') clean.Append(c);
        while (clean.Length % 4 != 0) clean.Append('=');
        try
        {
            var bytes = Convert.FromBase64String(clean.ToString());
            return StaticEvaluator.Text(bytes, CommandLimits.Default.MaxDecodedChars);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
