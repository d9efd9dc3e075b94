using System.Text.Json;
using Palisade.Core.Model;

namespace Palisade.Core.Analyzers.Tools;

/// <summary>
/// For tools nobody described: effects guessed from argument names and value shapes, and the operation from the
/// verbs in the tool's name (<c>delete_record</c> deletes, <c>write_report</c> writes). Errs towards inspecting.
/// </summary>
public static class GenericToolAdapter
{
    private static readonly HashSet<string> CommandKeys = new(StringComparer.OrdinalIgnoreCase)
        { "command", "cmd", "commands", "shell", "script", "bash", "sh", "commandline", "command_line", "powershell", "cmdline" };

    private static readonly HashSet<string> UrlKeys = new(StringComparer.OrdinalIgnoreCase)
        { "url", "uri", "href", "endpoint", "link", "webhook", "webhook_url", "target_url", "callback_url", "base_url", "image_url" };

    private static readonly HashSet<string> PathKeys = new(StringComparer.OrdinalIgnoreCase)
        { "path", "paths", "file", "files", "file_path", "filepath", "filename", "file_name", "target_file", "source", "destination", "dest",
          "dir", "directory", "folder", "src", "dst", "output", "output_path", "input_path", "notebook_path", "repo_path", "cwd" };

    private static readonly HashSet<string> ContentKeys = new(StringComparer.OrdinalIgnoreCase)
        { "content", "contents", "text", "data", "body", "code", "new_string", "new_source", "code_edit", "newtext" };

    /// <summary>First words that make a string argument a shell line whatever its key is called.</summary>
    private static readonly HashSet<string> ShellWords = new(StringComparer.Ordinal)
    {
        "sudo", "doas", "su", "rm", "curl", "wget", "bash", "sh", "zsh", "dash", "chmod", "chown", "nc", "ncat", "netcat", "socat",
        "python", "python3", "perl", "ruby", "node", "php", "powershell", "pwsh", "cmd", "cmd.exe", "eval", "exec", "dd", "mkfs",
        "crontab", "systemctl", "launchctl", "ssh", "scp", "rsync", "tar", "base64", "openssl", "iptables", "kill", "pkill", "git",
        "npm", "npx", "pip", "pip3", "docker", "kubectl", "env", "export", "xargs", "nohup", "mv", "cp", "cat", "echo", "printf",
        "certutil", "bitsadmin", "reg", "schtasks", "mshta", "rundll32", "regsvr32", "wmic", "iex", "invoke-expression",
    };

    private static readonly string[] WriteVerbs = ["write", "create", "save", "put", "append", "update", "edit", "modify", "patch", "upload", "mkdir", "copy", "move", "rename", "replace", "insert"];
    private static readonly string[] DeleteVerbs = ["delete", "remove", "rm", "unlink", "drop", "destroy", "truncate", "purge", "erase"];
    private static readonly string[] ExecuteVerbs = ["exec", "execute", "run", "spawn", "launch", "start", "eval", "invoke"];

    public static IEnumerable<(ToolEffect Effect, string Path, string Value)> Effects(ToolCall call)
    {
        var op = OperationFromName(call.BaseName);
        foreach (var (path, value) in ArgumentPath.AllStrings(call.Arguments))
        {
            var key = LastKey(path);
            if (CommandKeys.Contains(key) || LooksLikeShellLine(value)) yield return (new ToolEffect(EffectKind.Command, path), path, value);
            else if (UrlKeys.Contains(key) || LooksLikeUrl(value)) yield return (new ToolEffect(EffectKind.Url, path), path, value);
            else if (PathKeys.Contains(key) || LooksLikeAbsolutePath(value)) yield return (new ToolEffect(EffectKind.File, path, op), path, value);
            else if (ContentKeys.Contains(key) && op == FileOperation.Write) yield return (new ToolEffect(EffectKind.FileContent, path, op), path, value);
        }
    }

    public static FileOperation OperationFromName(string name)
    {
        var words = name.ToLowerInvariant().Split(['_', '-', '.', ' ', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => DeleteVerbs.Contains(w))) return FileOperation.Delete;
        if (words.Any(w => WriteVerbs.Contains(w))) return FileOperation.Write;
        if (words.Any(w => ExecuteVerbs.Contains(w))) return FileOperation.Execute;
        return FileOperation.Read;
    }

    /// <summary>The key a JSON path ends in, without an array index: <c>a.files[2]</c> → <c>files</c>.</summary>
    private static string LastKey(string path)
    {
        var dot = path.LastIndexOf('.');
        var key = dot < 0 ? path : path[(dot + 1)..];
        var bracket = key.IndexOf('[');
        return bracket < 0 ? key : key[..bracket];
    }

    /// <summary>A known executable followed by arguments (<c>sudo rm -rf /</c>); a lone word such as <c>echo</c> is not a line.</summary>
    private static bool LooksLikeShellLine(string v)
    {
        var t = v.AsSpan().TrimStart();
        var space = t.IndexOfAny(' ', '\t');
        if (space <= 0 || t.Length > 65536) return false;
        var first = t[..space].ToString();
        var slash = first.LastIndexOf('/');
        return ShellWords.Contains(slash >= 0 ? first[(slash + 1)..] : first);
    }

    private static bool LooksLikeUrl(string v)
    {
        var i = v.IndexOf("://", StringComparison.Ordinal);
        return i is > 1 and < 12 && v.Length < 8192 && !v.Contains('\n') && v[..i].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }

    private static bool LooksLikeAbsolutePath(string v) =>
        v.Length is > 1 and < 4096 && !v.Contains('\n') && !v.Contains(' ')
        && (v.StartsWith('/') || v.StartsWith("~/", StringComparison.Ordinal) || v.StartsWith("$HOME", StringComparison.Ordinal)
            || v.StartsWith('%') || (v.Length > 2 && char.IsAsciiLetter(v[0]) && v[1] == ':' && v[2] is '\\' or '/'));
}
