namespace Palisade.Core.Analyzers.Commands.Posix;

/// <summary>
/// Describes how a function's body calls the function itself: <c>:(){ :|:&amp; };:</c> is
/// <c>: calls-self piped background</c>. A function that pipes into or backgrounds itself multiplies without end.
/// </summary>
public static class FunctionShape
{
    public static string Describe(FunctionDefinition function)
    {
        var shape = new Shape();
        Visit(function.Body, function.Name, shape, piped: false, background: false, depth: 0);
        var name = function.Name.Length == 0 ? "?" : ArgvNormalizer.Escape(function.Name);
        return name + (shape.CallsSelf ? " calls-self" : "") + (shape.Piped ? " piped" : "") + (shape.Background ? " background" : "");
    }

    private sealed class Shape
    {
        public bool CallsSelf;
        public bool Piped;
        public bool Background;
    }

    private static void Visit(ShellCommand command, string name, Shape shape, bool piped, bool background, int depth)
    {
        if (depth > 32) return;
        switch (command)
        {
            case SimpleCommand simple when simple.Words.Count > 0 && simple.Words[0].Literal == name:
                shape.CallsSelf = true;
                shape.Piped |= piped;
                shape.Background |= background;
                break;
            case CompoundCommand compound:
                foreach (var body in compound.Bodies) Visit(body, name, shape, background, depth + 1);
                break;
            case FunctionDefinition inner:
                Visit(inner.Body, name, shape, piped, background, depth + 1);
                break;
        }
    }

    private static void Visit(ShellScript script, string name, Shape shape, bool background, int depth)
    {
        foreach (var item in script.Items)
            foreach (var pipeline in item.Pipelines)
                foreach (var c in pipeline.Commands)
                    Visit(c, name, shape, pipeline.Commands.Count > 1, background || item.Background, depth + 1);
    }
}
