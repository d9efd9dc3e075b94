namespace Palisade.Core.Analyzers.Commands;

/// <summary>What the analyzer knows about programs by name (after <see cref="ArgvNormalizer.Program"/>).</summary>
public static class KnownCommands
{
    /// <summary>POSIX shells: <c>-c STRING</c> runs a command string, a file argument runs a script, no argument reads stdin.</summary>
    public static readonly IReadOnlySet<string> Shells = new HashSet<string>(StringComparer.Ordinal)
    {
        "sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "rbash", "yash", "posh", "csh", "tcsh", "fish",
    };

    /// <summary>Language interpreters whose code is given inline (<c>-c</c>, <c>-e</c>, <c>-r</c>) or read from stdin.</summary>
    public static bool IsInterpreter(string program) => InterpreterLanguage(program) is not null;

    public static string? InterpreterLanguage(string program)
    {
        if (program.StartsWith("python", StringComparison.Ordinal) && IsVersionSuffix(program.AsSpan(6))) return "python";
        if (program.StartsWith("perl", StringComparison.Ordinal) && IsVersionSuffix(program.AsSpan(4))) return "perl";
        if (program.StartsWith("ruby", StringComparison.Ordinal) && IsVersionSuffix(program.AsSpan(4))) return "ruby";
        if (program.StartsWith("php", StringComparison.Ordinal) && IsVersionSuffix(program.AsSpan(3))) return "php";
        if (program.StartsWith("lua", StringComparison.Ordinal) && IsVersionSuffix(program.AsSpan(3))) return "lua";
        return program switch
        {
            "pypy" or "pypy3" => "python",
            "node" or "nodejs" or "deno" or "bun" => "node",
            "osascript" => "applescript",
            "awk" or "gawk" or "mawk" or "nawk" or "busybox-awk" => "awk",
            "tclsh" or "wish" or "expect" => "tcl",
            "jrunscript" or "jshell" => "java",
            _ => null,
        };
    }

    private static bool IsVersionSuffix(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!(char.IsAsciiDigit(c) || c == '.')) return false;
        return true;
    }

    public static bool IsPowerShell(string program) => program is "powershell" or "pwsh" or "powershell_ise";

    public static bool IsCmdExe(string program) => program == "cmd";

    /// <summary>Programs that send data over the network: where a secret read earlier in the line would leave.</summary>
    public static readonly IReadOnlySet<string> NetworkSinks = new HashSet<string>(StringComparer.Ordinal)
    {
        "curl", "wget", "wget2", "nc", "ncat", "netcat", "socat", "telnet", "ssh", "scp", "sftp", "rsync", "ftp", "tftp", "lftp",
        "openssl", "aws", "gsutil", "rclone", "http", "https", "xh", "curlie", "aria2c", "mail", "mailx", "sendmail", "mutt",
        "dig", "nslookup", "host", "smbclient", "invoke-webrequest", "invoke-restmethod", "iwr", "irm", "bitsadmin", "certutil",
        "azcopy", "s3cmd", "gh", "ping",
    };

    /// <summary>Programs whose URL arguments are requests (handed to the URL analyzer).</summary>
    public static readonly IReadOnlySet<string> UrlFetchers = new HashSet<string>(StringComparer.Ordinal)
    {
        "curl", "wget", "wget2", "http", "https", "xh", "curlie", "aria2c", "lynx", "links", "w3m", "fetch", "axel",
        "invoke-webrequest", "invoke-restmethod", "iwr", "irm", "start-bitstransfer", "bitsadmin", "certutil", "mshta", "regsvr32",
    };

    /// <summary>Programs that print or copy the contents of their file operands.</summary>
    public static readonly IReadOnlySet<string> ContentReaders = new HashSet<string>(StringComparer.Ordinal)
    {
        "cat", "tac", "less", "more", "most", "head", "tail", "nl", "base64", "base32", "basenc", "xxd", "od", "hexdump", "hd",
        "strings", "sort", "uniq", "cut", "paste", "fold", "fmt", "pr", "rev", "jq", "yq", "bat", "batcat", "view", "vi", "vim",
        "nvim", "nano", "emacs", "pico", "ed", "ex", "gpg", "uuencode", "zcat", "bzcat", "xzcat", "diff", "cmp", "comm", "iconv", "column",
        "type", "get-content", "gc", "md5sum", "sha1sum", "sha256sum",
    };

    /// <summary>Search commands: the first operand is the pattern, the rest are files.</summary>
    public static readonly IReadOnlySet<string> Searchers = new HashSet<string>(StringComparer.Ordinal)
    {
        "grep", "egrep", "fgrep", "rg", "ag", "ack", "zgrep", "findstr", "select-string", "sls",
    };

    public static readonly IReadOnlySet<string> Deleters = new HashSet<string>(StringComparer.Ordinal)
    {
        "rm", "unlink", "rmdir", "shred", "srm", "wipe", "del", "erase", "rd", "remove-item", "ri",
    };

    /// <summary>Programs that change a file's mode, owner or attributes: the last operands are written.</summary>
    public static readonly IReadOnlySet<string> Modifiers = new HashSet<string>(StringComparer.Ordinal)
    {
        "chmod", "chown", "chgrp", "chattr", "setfacl", "touch", "truncate", "chflags", "xattr", "icacls", "attrib", "takeown",
    };

    /// <summary>Windows programs that, as the first word of a line, say the line is cmd.exe rather than POSIX sh.</summary>
    public static readonly IReadOnlySet<string> WindowsOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "reg", "schtasks", "certutil", "bitsadmin", "wmic", "vssadmin", "bcdedit", "wevtutil", "net", "net1", "netsh", "sc",
        "rundll32", "regsvr32", "mshta", "cscript", "wscript", "msiexec", "icacls", "takeown", "attrib", "del", "erase", "copy",
        "xcopy", "robocopy", "findstr", "tasklist", "taskkill", "systeminfo", "ipconfig", "nltest", "dsquery", "cmdkey", "cipher",
        "fsutil", "auditpol", "mklink", "wbadmin", "vaultcmd", "klist", "setspn", "qwinsta", "query", "runas", "wusa", "forfiles",
        "pcalua", "cmstp", "odbcconf", "installutil", "regasm", "regsvcs", "msbuild", "esentutl", "expand", "extrac32", "makecab",
        "ntdsutil", "diskshadow", "sdelete", "procdump", "psexec", "mavinject", "control", "explorer", "sdbinst", "gpupdate",
        "cmd", "start", "move", "ren", "rd", "md", "ver", "vol", "where", "setx", "assoc", "ftype", "winrm", "winrs", "dism",
        "pnputil", "bootcfg", "nbtstat", "gpresult",
    };

    /// <summary>Full paths the interpreter-path globs (<c>/bin/b?sh</c>, <c>/???/bash</c>) are resolved against.</summary>
    public static readonly IReadOnlyList<string> GlobCandidates = BuildGlobCandidates();

    private static string[] BuildGlobCandidates()
    {
        string[] names =
        [
            "sh", "bash", "dash", "zsh", "ksh", "ash", "busybox", "python", "python2", "python3", "perl", "ruby", "php", "node", "lua",
            "nc", "ncat", "netcat", "socat", "telnet", "curl", "wget", "cat", "rm", "chmod", "chown", "base64", "xxd", "dd", "mkfs",
            "env", "id", "whoami", "uname", "openssl", "ssh", "scp", "tar", "crontab", "passwd", "sudo", "su", "kill",
        ];
        string[] dirs = ["/bin/", "/usr/bin/", "/usr/local/bin/", "/sbin/", "/usr/sbin/"];
        return dirs.SelectMany(d => names.Select(n => d + n)).ToArray();
    }
}
