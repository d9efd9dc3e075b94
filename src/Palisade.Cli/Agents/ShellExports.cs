using System.Text;

namespace Palisade.Cli.Agents;

/// <summary>Writes variables as the lines a shell evaluates: <c>eval "$(palisade env)"</c>.</summary>
public static class ShellExports
{
    public static readonly IReadOnlyList<string> Shells = ["sh", "fish", "powershell"];

    public static string Format(IReadOnlyList<KeyValuePair<string, string>> vars, string shell)
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in vars)
        {
            sb.Append(shell switch
            {
                // fish reads \\ and \' inside single quotes; POSIX sh has no escapes there, so a quote closes and reopens.
                "fish" => $"set -gx {name} {SingleQuoted(value.Replace("\\", "\\\\", StringComparison.Ordinal), "\\'")}",
                "powershell" => $"$env:{name} = {SingleQuoted(value, "''")}",
                _ => $"export {name}={SingleQuoted(value, "'\\''")}",
            }).Append('\n');
        }
        return sb.ToString();
    }

    private static string SingleQuoted(string value, string escapedQuote) => "'" + value.Replace("'", escapedQuote, StringComparison.Ordinal) + "'";
}
