using System.Security.Cryptography;
using System.Text;

namespace Palisade.Cli.Mcp;

/// <summary>
/// The name a server's pins, policy and audit records go under when <c>--name</c> is not given: readable, and stable
/// for the same command line or URL (so pins survive restarts), and different for different ones.
/// </summary>
public static class McpServerName
{
    public static string FromCommand(IReadOnlyList<string> command)
    {
        // The most telling word is the last one naming a server or MCP package (server-filesystem, mcp-server-fetch, server.py);
        // failing that, the program itself.
        var word = command.LastOrDefault(a => !a.StartsWith('-') && (a.Contains("server", StringComparison.OrdinalIgnoreCase) || a.Contains("mcp", StringComparison.OrdinalIgnoreCase)))
            ?? command[0];
        var last = word.TrimEnd('/', '\\').Split('/', '\\').Last();
        var versionAt = last.IndexOf('@', 1);
        if (versionAt > 0) last = last[..versionAt];
        return $"{Slug(Path.GetFileNameWithoutExtension(last))}-{ShortHash(string.Join('\0', command))}";
    }

    public static string FromUrl(Uri url) => $"{Slug(url.Host)}-{ShortHash(url.GetLeftPart(UriPartial.Path))}";

    public static bool IsValid(string name) => name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string Slug(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.ToLowerInvariant()) sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "server" : slug.Length > 40 ? slug[..40] : slug;
    }

    private static string ShortHash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..8];
}
