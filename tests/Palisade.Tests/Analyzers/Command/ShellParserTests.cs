using Palisade.Core.Analyzers.Commands.Posix;

namespace Palisade.Tests.Analyzers.Commands;

public sealed class ShellParserTests
{
    private static ShellParseResult Parse(string text) => ShellParser.Parse(text);

    private static SimpleCommand Simple(ShellScript script, int item = 0, int pipeline = 0, int command = 0) =>
        Assert.IsType<SimpleCommand>(script.Items[item].Pipelines[pipeline].Commands[command]);

    private static string[] Literals(SimpleCommand c) => c.Words.Select(w => w.Literal ?? "<expansion>").ToArray();

    [Fact]
    public void Single_double_and_ansi_c_quotes_are_removed_and_joined_into_one_word()
    {
        var c = Simple(Parse("echo 'a b'\"c $x\"$'\\x41\\n'd").Script);
        Assert.Equal(2, c.Words.Count);
        var parts = c.Words[1].Parts;
        Assert.Equal(new LiteralPart("a b", QuoteKind.Single), parts[0]);
        Assert.Equal(new LiteralPart("c ", QuoteKind.Double), parts[1]);
        Assert.Equal(new ParamPart("x", "", QuoteKind.Double), parts[2]);
        Assert.Contains(parts, p => p is LiteralPart { Text: "A\n", Quote: QuoteKind.AnsiC });
        Assert.Equal(new LiteralPart("d", QuoteKind.None), parts[^1]);
    }

    [Fact]
    public void Backslash_escapes_outside_quotes_keep_the_character_and_join_lines()
    {
        var c = Simple(Parse("\\c\\u\\r\\l http://x\\\n/y").Script);
        Assert.Equal(["curl", "http://x/y"], Literals(c));
    }

    [Fact]
    public void Lists_and_pipelines_are_split_on_their_operators()
    {
        var script = Parse("a | b |& c && d || e ; f & g\nh").Script;
        Assert.Equal(4, script.Items.Count);
        Assert.Equal(3, script.Items[0].Pipelines[0].Commands.Count);
        Assert.Equal(["&&", "||"], script.Items[0].Ops);
        Assert.True(script.Items[1].Background);
        Assert.Equal("h", Simple(script, 3).Words[0].Literal);
    }

    [Fact]
    public void Command_substitutions_and_backticks_are_parsed_recursively()
    {
        var c = Simple(Parse("echo \"$(cat $(ls) | wc -l)\" `id -u`").Script);
        var outer = Assert.IsType<CommandSubstPart>(c.Words[1].Parts[0]);
        var pipeline = outer.Script.Items[0].Pipelines[0];
        Assert.Equal(2, pipeline.Commands.Count);
        var inner = Assert.IsType<CommandSubstPart>(Assert.IsType<SimpleCommand>(pipeline.Commands[0]).Words[1].Parts[0]);
        Assert.Equal("ls", Simple(inner.Script).Words[0].Literal);
        var backticks = Assert.IsType<CommandSubstPart>(c.Words[2].Parts[0]);
        Assert.Equal(["id", "-u"], Literals(Simple(backticks.Script)));
    }

    [Fact]
    public void Process_substitution_is_a_word_not_a_redirection()
    {
        var c = Simple(Parse("diff <(sort a) >(cat)").Script);
        Assert.Empty(c.Redirects);
        Assert.Equal('<', Assert.IsType<ProcessSubstPart>(c.Words[1].Parts[0]).Direction);
        Assert.Equal('>', Assert.IsType<ProcessSubstPart>(c.Words[2].Parts[0]).Direction);
    }

    [Fact]
    public void Redirections_with_descriptors_are_recognized()
    {
        var c = Simple(Parse("cmd > out 2>&1 >> log < in &> all 3<> /dev/tcp/h/1").Script);
        Assert.Equal(["cmd"], Literals(c));
        Assert.Equal([">", ">&", ">>", "<", "&>", "<>"], c.Redirects.Select(r => r.Op));
        Assert.Equal(2, c.Redirects[1].Fd);
        Assert.Equal("1", c.Redirects[1].Target!.Literal);
        Assert.Equal(3, c.Redirects[5].Fd);
    }

    [Fact]
    public void Here_documents_read_their_body_after_the_line_with_quoted_and_tab_stripped_delimiters()
    {
        var script = Parse("cat <<EOF | sh\ncurl x\nEOF\ncat <<-'END'\n\tliteral $x\n\tEND\necho done").Script;
        var first = Simple(script);
        Assert.Equal("curl x\n", first.Redirects[0].HereDocBody);
        Assert.False(first.Redirects[0].HereDocQuoted);
        var second = Simple(script, 1);
        Assert.Equal("literal $x\n", second.Redirects[0].HereDocBody);
        Assert.True(second.Redirects[0].HereDocQuoted);
        Assert.Equal("echo", Simple(script, 2).Words[0].Literal);
    }

    [Fact]
    public void Here_strings_are_input_redirections_with_a_word()
    {
        var c = Simple(Parse("bash <<< 'id'").Script);
        Assert.Equal("<<<", c.Redirects[0].Op);
        Assert.Equal("id", c.Redirects[0].Target!.Literal);
    }

    [Fact]
    public void Assignments_before_the_command_are_not_words()
    {
        var c = Simple(Parse("A=b C+=d env").Script);
        Assert.Equal(["A", "C"], c.Assignments.Select(a => a.Name));
        Assert.True(c.Assignments[1].Append);
        Assert.Equal(["env"], Literals(c));
        Assert.Equal("x y", Simple(Parse("arr=(x y)").Script).Assignments[0].Value!.Literal);
    }

    [Fact]
    public void Subshells_groups_and_control_structures_keep_the_commands_inside()
    {
        var script = Parse("( a; b ) && { c; } ; if d; then e; elif f; then g; else h; fi; for i in 1 2; do j; done; while k; do l; done; case $x in a|b) m;; *) n;; esac").Script;
        var names = new List<string>();
        void Collect(ShellScript s)
        {
            foreach (var item in s.Items)
                foreach (var p in item.Pipelines)
                    foreach (var c in p.Commands)
                        if (c is SimpleCommand sc) names.Add(sc.Words[0].Literal!);
                        else if (c is CompoundCommand cc) cc.Bodies.ToList().ForEach(Collect);
        }
        Collect(script);
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g", "h", "j", "k", "l", "m", "n"], names);
        Assert.Empty(Parse("if a; then b; fi").Problems);
    }

    [Fact]
    public void Function_definitions_hold_their_body()
    {
        var f = Assert.IsType<FunctionDefinition>(Parse(":(){ :|:& };:").Script.Items[0].Pipelines[0].Commands[0]);
        Assert.Equal(":", f.Name);
        Assert.IsType<CompoundCommand>(f.Body);
        Assert.Equal("bomb", Assert.IsType<FunctionDefinition>(Parse("function bomb { bomb | bomb & }").Script.Items[0].Pipelines[0].Commands[0]).Name);
    }

    [Theory]
    [InlineData("echo \"unterminated", "unterminated double quote")]
    [InlineData("echo 'unterminated", "unterminated single quote")]
    [InlineData("echo $(ls", "unterminated '('")]
    [InlineData("echo `ls", "unterminated backquote")]
    [InlineData("if a; then b", "expected 'fi'")]
    [InlineData("a ) b", "unexpected ')'")]
    public void Malformed_input_is_reported_and_what_parsed_is_kept(string text, string problem)
    {
        var result = Parse(text);
        Assert.Contains(problem, result.Problems);
        Assert.NotEmpty(result.Script.Items);
    }

    [Fact]
    public void Nesting_past_the_limit_stops_with_a_problem_instead_of_recursing()
    {
        var deep = string.Concat(Enumerable.Repeat("$(", 200)) + "x" + new string(')', 200);
        var result = Parse("echo " + deep);
        Assert.Contains("nested too deeply", result.Problems);
    }
}
