namespace Palisade.Core.Analyzers.Tools;

/// <summary>Files whose content a shell will run: scripts, shell start-up files, git hooks, crontabs.</summary>
public static class ExecutableTargets
{
    private static readonly string[] Extensions = [".sh", ".bash", ".zsh", ".ksh", ".fish", ".command", ".ps1", ".psm1", ".bat", ".cmd"];

    private static readonly string[] StartupFiles =
    [
        ".bashrc", ".bash_profile", ".bash_login", ".bash_logout", ".profile", ".zshrc", ".zshenv", ".zprofile", ".zlogin",
        ".kshrc", ".cshrc", ".tcshrc", "config.fish", "crontab", "rc.local", "microsoft.powershell_profile.ps1", "profile.ps1",
    ];

    public static bool RunsAsShell(string path)
    {
        var p = path.Replace('\\', '/');
        var name = p[(p.LastIndexOf('/') + 1)..].ToLowerInvariant();
        return Extensions.Any(e => name.EndsWith(e, StringComparison.Ordinal))
            || StartupFiles.Contains(name)
            || p.Contains("/.git/hooks/", StringComparison.Ordinal) || p.StartsWith(".git/hooks/", StringComparison.Ordinal)
            || p.Contains("/cron", StringComparison.Ordinal);
    }
}
