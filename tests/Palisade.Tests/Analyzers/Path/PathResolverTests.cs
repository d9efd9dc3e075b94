using Palisade.Core.Analyzers.Paths;

namespace Palisade.Tests.Analyzers.Paths;

public sealed class PathResolverTests
{
    [Theory]
    [InlineData("~/.ssh/id_rsa", "~/.ssh/id_rsa")]
    [InlineData("~", "~")]
    [InlineData("~/", "~")]
    [InlineData("~alice/.aws/credentials", "~/.aws/credentials")]
    [InlineData("/home/alice/.ssh/id_rsa", "~/.ssh/id_rsa")]
    [InlineData("/Users/alice/Library/Keychains/login.keychain-db", "~/Library/Keychains/login.keychain-db")]
    [InlineData("/root/.bash_history", "~/.bash_history")]
    [InlineData("/var/root/.zsh_history", "~/.zsh_history")]
    [InlineData("/home", "/home")]
    [InlineData("~/../bob/.ssh/id_rsa", "~/.ssh/id_rsa")]
    [InlineData("~/../../etc/shadow", "/etc/shadow")]
    public void Home_directories_are_written_as_a_tilde(string input, string canonical) =>
        Assert.Equal(canonical, PathResolver.Resolve(input).Canonical);

    [Theory]
    [InlineData("$HOME/.ssh/id_rsa", "~/.ssh/id_rsa")]
    [InlineData("${HOME}/.ssh/id_rsa", "~/.ssh/id_rsa")]
    [InlineData("${HOME:-/root}/.netrc", "~/.netrc")]
    [InlineData("${NOPE:-/etc}/shadow", "/etc/shadow")]
    [InlineData("/home/$USER/.ssh/id_rsa", "~/.ssh/id_rsa")]
    [InlineData("$XDG_CONFIG_HOME/gcloud/credentials.db", "~/.config/gcloud/credentials.db")]
    [InlineData("$KUBECONFIG", "~/.kube/config")]
    [InlineData("%USERPROFILE%\\.aws\\credentials", "~/.aws/credentials")]
    [InlineData("%userprofile%\\.aws\\credentials", "~/.aws/credentials")]
    [InlineData("%APPDATA%\\Mozilla\\Firefox", "~/appdata/roaming/mozilla/firefox")]
    [InlineData("%LOCALAPPDATA%\\Google\\Chrome\\User Data", "~/appdata/local/google/chrome/user data")]
    [InlineData("%HOMEDRIVE%%HOMEPATH%\\.ssh\\id_rsa", "~/.ssh/id_rsa")]
    [InlineData("%SystemRoot%\\System32\\config\\SAM", "c:/windows/system32/config/sam")]
    [InlineData("%TEMP%\\x.exe", "~/appdata/local/temp/x.exe")]
    [InlineData("$TMPDIR/x.sh", "/tmp/x.sh")]
    [InlineData("$env:USERPROFILE\\.ssh\\id_rsa", "~/.ssh/id_rsa")]
    [InlineData("${env:APPDATA}\\Code\\User\\settings.json", "~/appdata/roaming/code/user/settings.json")]
    [InlineData("$UNKNOWN/x", "$UNKNOWN/x")]
    [InlineData("%NOT_A_VAR%/x", "%NOT_A_VAR%/x")]
    [InlineData("100%/done", "100%/done")]
    public void Variables_expand_to_their_usual_values(string input, string canonical) =>
        Assert.Equal(canonical, PathResolver.Resolve(input).Canonical);

    [Theory]
    [InlineData("/etc/./shadow", "/etc/shadow")]
    [InlineData("/etc//shadow", "/etc/shadow")]
    [InlineData("///etc/shadow", "/etc/shadow")]
    [InlineData("/var/www/../../etc/shadow", "/etc/shadow")]
    [InlineData("/../../../etc/passwd", "/etc/passwd")]
    [InlineData("/etc/", "/etc")]
    [InlineData("/", "/")]
    [InlineData("a/b/../c/./d", "a/c/d")]
    [InlineData("./src/app.ts", "src/app.ts")]
    [InlineData("a/../../b", "../b")]
    [InlineData("./", ".")]
    [InlineData("a\\b/c\\..\\d", "a/b/d")]
    [InlineData(".env", ".env")]
    public void Dots_and_separators_fold(string input, string canonical) =>
        Assert.Equal(canonical, PathResolver.Resolve(input).Canonical);

    [Theory]
    [InlineData("C:\\Users\\Bob\\.ssh\\id_rsa", "~/.ssh/id_rsa")]
    [InlineData("c:/users/bob/AppData/Roaming/x", "~/appdata/roaming/x")]
    [InlineData("C:\\Windows\\System32\\config\\SAM", "c:/windows/system32/config/sam")]
    [InlineData("C:", "c:/")]
    [InlineData("C:\\", "c:/")]
    [InlineData("D:\\data\\..\\..\\secrets.txt", "d:/secrets.txt")]
    [InlineData("C:\\Windows\\System32\\config\\SAM.", "c:/windows/system32/config/sam")]
    [InlineData("C:\\Windows\\System32\\config\\SAM::$DATA", "c:/windows/system32/config/sam")]
    [InlineData("\\\\?\\C:\\Windows\\NTDS\\ntds.dit", "c:/windows/ntds/ntds.dit")]
    [InlineData("\\\\.\\C:\\Users\\x\\.aws\\config", "~/.aws/config")]
    [InlineData("\\\\?\\UNC\\fileserver\\share\\x", "//fileserver/share/x")]
    [InlineData("\\\\FileServer\\Share\\Dir\\..\\x.txt", "//fileserver/share/x.txt")]
    [InlineData("\\\\localhost\\C$\\Users\\bob\\.ssh\\id_rsa", "~/.ssh/id_rsa")]
    [InlineData("/mnt/c/Users/bob/.aws/credentials", "~/.aws/credentials")]
    [InlineData("/cygdrive/c/Windows/System32", "c:/windows/system32")]
    [InlineData("/mnt/data/x", "/mnt/data/x")]
    public void Windows_forms_become_one_lower_case_form(string input, string canonical) =>
        Assert.Equal(canonical, PathResolver.Resolve(input).Canonical);

    [Theory]
    [InlineData("/proc/self/root/etc/shadow", "/etc/shadow")]
    [InlineData("/proc/1/root/root/.ssh/id_rsa", "~/.ssh/id_rsa")]
    [InlineData("/proc/self/task/42/root/etc/shadow", "/etc/shadow")]
    [InlineData("/proc/self/root/../etc/shadow", "/etc/shadow")]
    [InlineData("/proc/self/root/proc/self/root/etc/gshadow", "/etc/gshadow")]
    [InlineData("/proc/thread-self/cwd/.env", ".env")]
    [InlineData("/proc/self/environ", "/proc/self/environ")]
    [InlineData("/private/etc/master.passwd", "/etc/master.passwd")]
    [InlineData("/private/var/run/docker.sock", "/run/docker.sock")]
    [InlineData("/var/run/docker.sock", "/run/docker.sock")]
    [InlineData("file:///etc/passwd", "/etc/passwd")]
    [InlineData("file://localhost/etc/passwd", "/etc/passwd")]
    [InlineData("FILE:///C:/Users/bob/.ssh/id_rsa", "~/.ssh/id_rsa")]
    [InlineData("file://server/share/x", "//server/share/x")]
    public void Indirections_and_file_urls_resolve(string input, string canonical) =>
        Assert.Equal(canonical, PathResolver.Resolve(input).Canonical);

    [Theory]
    [InlineData("%2e%2e/%2e%2e/etc/passwd", "../../etc/passwd")]
    [InlineData("..%2f..%2fetc%2fpasswd", "../../etc/passwd")]
    [InlineData("%252e%252e%252fetc", "../etc")]
    [InlineData("..%c0%af..%c0%afetc", "../../etc")]
    [InlineData("%u002e%u002e/etc", "../etc")]
    [InlineData("/etc/passwd%00.png", "/etc/passwd")]
    [InlineData("%2fetc%2fshadow", "/etc/shadow")]
    [InlineData("a%20b", "a b")]
    [InlineData("%e9t%e9", "%e9t%e9")]
    public void Url_escapes_decode_to_what_they_say(string input, string canonical) =>
        Assert.Equal(canonical, PathResolver.Resolve(input).Canonical);

    [Theory]
    [InlineData(".env", "/home/alice/app", "~/app/.env")]
    [InlineData("../../../etc/shadow", "/home/alice/app", "/etc/shadow")]
    [InlineData("src/main.rs", "C:\\Users\\bob\\code", "~/code/src/main.rs")]
    [InlineData("/etc/hosts", "/home/alice/app", "/etc/hosts")]
    [InlineData("/proc/self/cwd/.env", "/srv/app", "/srv/app/.env")]
    [InlineData("$PWD/.env", "/srv/app", "/srv/app/.env")]
    [InlineData("~+/.env", "/srv/app", "/srv/app/.env")]
    [InlineData(".env", "relative/dir", ".env")]
    public void Relative_paths_resolve_against_the_working_directory(string input, string wd, string canonical) =>
        Assert.Equal(canonical, PathResolver.Resolve(input, wd).Canonical);

    [Fact]
    public void A_climb_without_a_working_directory_is_also_read_from_the_root()
    {
        var r = PathResolver.Resolve("../../../etc/shadow");
        Assert.Equal("../../../etc/shadow", r.Canonical);
        Assert.Equal("../../../etc/shadow", r.Climb);
        Assert.Equal("/etc/shadow", r.Rooted);
        Assert.True(r.IsRelative);
    }

    [Fact]
    public void A_climb_that_a_working_directory_settles_is_judged_where_it_lands()
    {
        var r = PathResolver.Resolve("../../etc/app.conf", "/home/alice/src/app/sub");
        Assert.Equal("~/src/etc/app.conf", r.Canonical);
        Assert.Null(r.Climb);
        Assert.Null(r.Rooted);
    }

    [Fact]
    public void A_climb_past_the_root_of_the_working_directory_is_kept_as_written()
    {
        var r = PathResolver.Resolve("../../../../../../etc/passwd", "/home/alice/app");
        Assert.Equal("/etc/passwd", r.Canonical);
        Assert.Equal("../../../../../../etc/passwd", r.Climb);
    }

    [Fact]
    public void A_doubled_slash_is_read_both_as_unc_and_as_posix()
    {
        var r = PathResolver.Resolve("//etc/shadow");
        Assert.Equal("//etc/shadow", r.Canonical);
        Assert.Equal("/etc/shadow", r.Posix);
    }

    [Theory]
    [InlineData("x/../~/.ssh/id_rsa", "./~/.ssh/id_rsa")]
    [InlineData("x/../c:/windows", "./c:/windows")]
    [InlineData("x/../file:/etc/passwd", "./file:/etc/passwd")]
    public void A_relative_first_segment_that_would_read_as_a_root_keeps_its_dot(string input, string canonical)
    {
        Assert.Equal(canonical, PathResolver.Resolve(input).Canonical);
        Assert.Equal(canonical, PathResolver.Resolve(canonical).Canonical);
    }

    [Theory]
    [InlineData("C:\\Users\\Bob\\Secret.TXT")]
    [InlineData("\\\\Server\\Share\\File")]
    public void Windows_paths_are_case_folded_but_posix_paths_keep_their_case(string windows)
    {
        Assert.Equal(windows.ToLowerInvariant().Replace('\\', '/').Replace("c:/users/bob", "~"), PathResolver.Resolve(windows).Canonical);
        Assert.Equal("/opt/App/Data", PathResolver.Resolve("/opt/App/Data").Canonical);
    }
}
