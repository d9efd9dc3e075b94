using Palisade.Core.Model;

namespace Palisade.Tests.Policy.Paranoid;

/// <summary>Paranoid mode and the other targets: URL hosts, file paths, tool names, and the kinds that have none.</summary>
public sealed class ParanoidTargetTests
{
    [Fact]
    public void A_host_on_allow_hosts_or_trusted_hosts_passes_and_any_other_is_held()
    {
        var engine = ParanoidEngine.Create("egress:\n  allow_hosts: ['*.github.com', 'api.openai.com']\n  trusted_hosts: ['localhost:3000']\n");
        Assert.Equal(Decision.Allow, engine.Url("https://api.github.com/repos/x/y").Decision);
        Assert.Equal(Decision.Allow, engine.Url("https://api.openai.com/v1/models").Decision);
        Assert.Equal(Decision.Allow, engine.Url("http://localhost:3000/health").Decision);
        var v = engine.Url("https://example.org/");
        Assert.Equal(Decision.Review, v.Decision);
        Assert.Equal("held for review: paranoid mode: host 'example.org' is not on egress.allow_hosts or egress.trusted_hosts (paranoid-unlisted).", v.Reason);
        Assert.Equal(["localhost"], engine.Url("http://localhost:8080/").Held());
    }

    [Fact]
    public void A_url_inside_a_command_is_checked_like_a_request()
    {
        var engine = ParanoidEngine.Create("paranoid:\n  allow_commands: [curl]\negress:\n  allow_hosts: [example.com]\n");
        Assert.Equal(Decision.Allow, engine.Command("curl -s https://example.com/a").Decision);
        Assert.Equal(["example.org"], engine.Command("curl -s https://example.org/a").Held());
    }

    [Theory]
    [InlineData("~/src/app/Program.cs")]
    [InlineData("$HOME/src/app/Program.cs")]
    [InlineData("/home/u/src/app/../app/deep/er/x.cs")]
    [InlineData("/tmp/build.log")]
    [InlineData("/home/someone/src/app/x.cs")]
    public void A_path_matching_an_allow_glob_passes_after_the_path_analyzers_normalisation(string path)
    {
        var engine = ParanoidEngine.Create("paranoid:\n  allow_paths: ['~/src/**', '/home/u/src/app/**', '/tmp/*.log']\n");
        Assert.Equal(Decision.Allow, engine.Path(path).Decision);
    }

    [Theory]
    [InlineData("/opt/data/report.csv", "/opt/data/report.csv")]
    [InlineData("~/src/../notes.txt", "~/notes.txt")]
    [InlineData("/tmp/sub/build.log", "/tmp/sub/build.log")]
    [InlineData("/home/u/work/x.cs", "~/work/x.cs")]
    [InlineData("/srv/sk8Hq2Lm9Xv4Rt8Kp3Nw6Yz1Bc5D/x", "/srv/sk8H…[28 chars, h:")]
    public void A_path_outside_the_globs_is_held_as_resolved(string path, string shown)
    {
        var v = ParanoidEngine.Create("paranoid:\n  allow_paths: ['~/src/**', '/home/u/src/app/**', '/tmp/*.log']\n").Path(path);
        Assert.Equal(Decision.Review, v.Decision);
        Assert.StartsWith($"held for review: paranoid mode: path '{shown}", v.Reason);
        Assert.EndsWith("' is not on paranoid.allow_paths (paranoid-unlisted).", v.Reason);
    }

    [Fact]
    public void A_relative_path_that_climbs_is_held_even_when_its_text_matches_a_relative_glob()
    {
        var engine = ParanoidEngine.Create("paranoid:\n  allow_paths: ['src/**']\n");
        Assert.Equal(Decision.Allow, engine.Path("src/a.cs").Decision);
        Assert.Equal(Decision.Review, engine.Path("src/../../etc/hosts").Decision);
    }

    [Fact]
    public void A_relative_path_resolves_against_the_working_directory()
    {
        var engine = ParanoidEngine.Create("paranoid:\n  allow_paths: ['/home/u/proj/**']\n");
        Assert.Equal(Decision.Allow, engine.Path("src/a.cs", cwd: "/home/u/proj").Decision);
        Assert.Equal(Decision.Review, engine.Path("../other/a.cs", cwd: "/home/u/proj").Decision);
    }

    [Fact]
    public void Relative_paths_inside_a_command_or_tool_call_resolve_against_the_working_directory_of_the_action()
    {
        var engine = ParanoidEngine.Create("paranoid:\n  allow_commands: [grep]\n  allow_tools: [Bash, Read]\n  allow_paths: ['/home/u/proj/**']\n");
        var command = Core.Engine.ScanKind.ToAction("command", "grep x src/a.cs") with { WorkingDirectory = "/home/u/proj" };
        Assert.Equal(Decision.Allow, engine.Evaluate(command).Decision);
        Assert.Equal(["~/other/a.cs"], engine.Evaluate(command with { CommandLine = "grep x ../other/a.cs" }).Held());
        var tool = new AgentAction { Kind = ActionKind.ToolCall, ToolName = "Read", ArgumentsJson = """{"file_path":"src/a.cs"}""", WorkingDirectory = "/home/u/proj" };
        Assert.Equal(Decision.Allow, engine.Evaluate(tool).Decision);
        var bash = tool with { ToolName = "Bash", ArgumentsJson = """{"command":"grep x src/a.cs /etc/hosts"}""" };
        Assert.Equal(["/etc/hosts"], engine.Evaluate(bash).Held());
        Assert.Equal(["src/a.cs"], engine.Evaluate(command with { WorkingDirectory = null }).Held());
    }

    [Fact]
    public void After_a_cd_to_a_place_the_line_does_not_name_a_relative_path_is_not_taken_to_be_in_the_working_directory()
    {
        var engine = ParanoidEngine.Create("paranoid:\n  allow_commands: [cd, cat]\n  allow_paths: ['/home/u/proj/**']\n");
        var anchored = Core.Engine.ScanKind.ToAction("command", "cd src && cat a.cs") with { WorkingDirectory = "/home/u/proj" };
        Assert.Equal(Decision.Allow, engine.Evaluate(anchored).Decision);
        // Where "$D" points is unknown, so notes.txt could be anywhere: held, not matched against the listed project.
        var lost = anchored with { CommandLine = "cd \"$D\" && cat notes.txt" };
        Assert.Equal(["notes.txt"], engine.Evaluate(lost).Held());
    }

    [Fact]
    public void A_file_a_path_rule_blocks_stays_blocked_even_when_listed()
    {
        var v = ParanoidEngine.Create("paranoid:\n  allow_paths: ['~/**']\n").Path("~/.ssh/id_rsa");
        Assert.Equal(Decision.Block, v.Decision);
        Assert.Empty(v.Held());
    }

    [Fact]
    public void Tool_names_match_exactly_or_by_a_prefix_ending_in_a_star()
    {
        var engine = ParanoidEngine.Create("paranoid:\n  allow_tools: [get_weather, 'mcp__filesystem__*']\n");
        Assert.Equal(Decision.Allow, engine.Tool("get_weather", """{"city":"Lyon"}""").Decision);
        Assert.Equal(Decision.Allow, engine.Tool("mcp__filesystem__list_allowed_directories", "{}").Decision);
        var v = engine.Tool("get_weather_v2", """{"city":"Lyon"}""");
        Assert.Equal(Decision.Review, v.Decision);
        Assert.Equal("held for review: paranoid mode: tool 'get_weather_v2' is not on paranoid.allow_tools (paranoid-unlisted).", v.Reason);
    }

    [Fact]
    public void A_listed_tool_whose_command_path_or_url_is_unlisted_is_still_held()
    {
        var engine = ParanoidEngine.Create("paranoid:\n  allow_tools: [Bash, Read, WebFetch]\n  allow_commands: [git]\n  allow_paths: ['/home/u/proj/**']\negress:\n  allow_hosts: [docs.example.com]\n");
        Assert.Equal(Decision.Allow, engine.Tool("Bash", """{"command":"git status"}""").Decision);
        Assert.Equal(["terraform"], engine.Tool("Bash", """{"command":"git status && terraform apply"}""").Held());
        Assert.Equal(Decision.Allow, engine.Tool("Read", """{"file_path":"/home/u/proj/README.md"}""").Decision);
        Assert.Equal(["/etc/hosts"], engine.Tool("Read", """{"file_path":"/etc/hosts"}""").Held());
        Assert.Equal(Decision.Allow, engine.Tool("WebFetch", """{"url":"https://docs.example.com/a","prompt":"summarise"}""").Decision);
        Assert.Equal(["example.org"], engine.Tool("WebFetch", """{"url":"https://example.org/a","prompt":"summarise"}""").Held());
    }

    [Fact]
    public void A_tool_call_without_a_name_is_held()
    {
        var v = ParanoidEngine.Create("paranoid:\n  allow_tools: ['mcp__*']\n").Evaluate(Core.Engine.ScanKind.ToolAction("not a tool call"));
        Assert.Contains(v.Findings, f => f.RuleId == "paranoid-unlisted" && f.Description.Contains("without a tool name", StringComparison.Ordinal));
    }

    [Fact]
    public void Windows_paths_and_globs_resolve_alike()
    {
        var engine = ParanoidEngine.Create("paranoid:\n  allow_paths: ['C:\\Work\\Src\\**']\n");
        Assert.Equal(Decision.Allow, engine.Path(@"c:\work\src\App\Program.cs").Decision);
        Assert.Equal(Decision.Review, engine.Path(@"C:\Work\Other\x.cs").Decision);
    }

    [Fact]
    public void An_unlisted_tool_and_its_unlisted_command_are_both_held()
    {
        var v = ParanoidEngine.Create().Tool("Bash", """{"command":"ls"}""");
        Assert.Equal(Decision.Review, v.Decision);
        Assert.Equal(["Bash", "ls"], v.Held());
    }

    [Theory]
    [InlineData(ActionKind.Prompt)]
    [InlineData(ActionKind.ModelOutput)]
    [InlineData(ActionKind.ToolResult)]
    [InlineData(ActionKind.Message)]
    public void Content_kinds_have_no_target_clean_text_passes_and_an_audit_becomes_a_review(ActionKind kind)
    {
        var engine = ParanoidEngine.Create();
        Assert.Equal(Decision.Allow, engine.Evaluate(AgentAction.FromText(kind, "please run the tests and summarise them")).Decision);
        var v = engine.Evaluate(AgentAction.FromText(kind, "write to uta.kortig@jourrapide.com"));
        Assert.Equal(Decision.Review, v.Decision);
        Assert.Empty(v.Held());
    }
}
