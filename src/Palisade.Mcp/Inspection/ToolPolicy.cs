using System.Text;
using System.Text.RegularExpressions;
using Palisade.Core.Mcp;
using Palisade.Core.Model;

namespace Palisade.Mcp.Inspection;

/// <summary>The <c>mcp:</c> allow and deny lists, as <c>server/tool</c> globs. Deny wins; a non-empty allow list admits only what it names.</summary>
public sealed class ToolPolicy
{
    private readonly Regex[] _allow;
    private readonly Regex[] _deny;

    public ToolPolicy(McpConfig config)
    {
        _allow = [.. config.AllowTools.Select(Compile)];
        _deny = [.. config.DenyTools.Select(Compile)];
    }

    /// <summary>A finding when the tool may not be used, else null.</summary>
    public Finding? Check(string server, string tool, string field)
    {
        var key = $"{server}/{tool}";
        if (_deny.Any(r => r.IsMatch(key)))
            return McpFindings.Of(McpFindings.ToolDenied, field, $"tool '{tool}' of server '{server}' is on the MCP deny list");
        if (_allow.Length > 0 && !_allow.Any(r => r.IsMatch(key)))
            return McpFindings.Of(McpFindings.ToolNotAllowed, field, $"tool '{tool}' of server '{server}' is not on the MCP allow list");
        return null;
    }

    private static Regex Compile(string glob)
    {
        var sb = new StringBuilder("^");
        foreach (var c in glob)
            sb.Append(c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) });
        sb.Append('$');
        return new Regex(sb.ToString(), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
    }
}
