using Palisade.Core.Model;
using static Palisade.Core.Analyzers.Tools.EffectKind;

namespace Palisade.Core.Analyzers.Tools;

/// <summary>
/// The tools agents call most, by exact name, and what their arguments do: Claude Code's built-in tools,
/// Cursor's agent tools, and the reference MCP servers (filesystem, fetch, git). Anything else goes to
/// <see cref="GenericToolAdapter"/>.
/// </summary>
public static class KnownTools
{
    private static ToolEffect Cmd(string arg) => new(Command, arg);
    private static ToolEffect Read(string arg) => new(EffectKind.File, arg, FileOperation.Read);
    private static ToolEffect Write(string arg) => new(EffectKind.File, arg, FileOperation.Write);
    private static ToolEffect Delete(string arg) => new(EffectKind.File, arg, FileOperation.Delete);
    private static ToolEffect Fetch(string arg) => new(Url, arg);
    private static ToolEffect Content(string arg) => new(FileContent, arg, FileOperation.Write);

    public static IReadOnlyDictionary<string, ToolEffect[]> ClaudeCode { get; } = new Dictionary<string, ToolEffect[]>(StringComparer.Ordinal)
    {
        ["Bash"] = [Cmd("command")],
        ["BashOutput"] = [],
        ["Read"] = [Read("file_path")],
        ["Write"] = [Write("file_path"), Content("content")],
        ["Edit"] = [Write("file_path"), Content("new_string")],
        ["MultiEdit"] = [Write("file_path"), Content("edits[].new_string")],
        ["NotebookEdit"] = [Write("notebook_path"), Content("new_source")],
        ["NotebookRead"] = [Read("notebook_path")],
        ["WebFetch"] = [Fetch("url")],
        ["WebSearch"] = [],
        ["Glob"] = [Read("path"), Read("pattern")],
        // Grep searches the content of every file under its path, by default the working directory.
        ["Grep"] = [Read("path") with { Tree = true, Default = "." }],
        ["LS"] = [Read("path")],
        ["Task"] = [],
        ["TodoWrite"] = [],
    };

    public static IReadOnlyDictionary<string, ToolEffect[]> Cursor { get; } = new Dictionary<string, ToolEffect[]>(StringComparer.Ordinal)
    {
        ["run_terminal_cmd"] = [Cmd("command")],
        ["read_file"] = [Read("target_file"), Read("path")],
        // Cursor's edit_file (target_file, code_edit) and the MCP filesystem server's (path, edits[].newText) share a name.
        ["edit_file"] = [Write("target_file"), Content("code_edit"), Write("path"), Content("edits[].newText")],
        ["search_replace"] = [Write("file_path"), Content("new_string")],
        ["write"] = [Write("file_path"), Content("contents")],
        ["delete_file"] = [Delete("target_file")],
        ["list_dir"] = [Read("relative_workspace_path")],
        ["grep_search"] = [],
        ["codebase_search"] = [],
        ["file_search"] = [],
        ["web_search"] = [],
    };

    public static IReadOnlyDictionary<string, ToolEffect[]> McpReference { get; } = new Dictionary<string, ToolEffect[]>(StringComparer.Ordinal)
    {
        // @modelcontextprotocol/server-filesystem
        ["read_text_file"] = [Read("path")],
        ["read_media_file"] = [Read("path")],
        ["read_multiple_files"] = [Read("paths[]")],
        ["write_file"] = [Write("path"), Content("content")],
        ["create_directory"] = [Write("path")],
        ["list_directory"] = [Read("path")],
        ["list_directory_with_sizes"] = [Read("path")],
        ["directory_tree"] = [Read("path")],
        ["move_file"] = [Delete("source"), Write("destination")],
        ["search_files"] = [Read("path")],
        ["get_file_info"] = [Read("path")],
        // mcp-server-fetch
        ["fetch"] = [Fetch("url")],
        // mcp-server-git
        ["git_status"] = [Read("repo_path")],
        ["git_diff_unstaged"] = [Read("repo_path")],
        ["git_diff_staged"] = [Read("repo_path")],
        ["git_diff"] = [Read("repo_path")],
        ["git_commit"] = [Write("repo_path")],
        ["git_add"] = [Write("repo_path"), Write("files[]")],
        ["git_reset"] = [Write("repo_path")],
        ["git_log"] = [Read("repo_path")],
        ["git_create_branch"] = [Write("repo_path")],
        ["git_checkout"] = [Write("repo_path")],
        ["git_show"] = [Read("repo_path")],
        ["git_init"] = [Write("repo_path")],
    };

    /// <summary>The effects of a tool known by name , or null.</summary>
    public static ToolEffect[]? Lookup(ToolCall call) =>
        ClaudeCode.GetValueOrDefault(call.BaseName)
        ?? Cursor.GetValueOrDefault(call.BaseName)
        ?? McpReference.GetValueOrDefault(call.BaseName);
}
