namespace Palisade.Core.Analyzers.Commands;

/// <summary>The language a command string inside a command is written in.</summary>
public enum ScriptDialect
{
    Posix,
    PowerShell,
    Cmd,
}

/// <summary>Something a command runs besides itself: another command, a command string, inline code, a script file.</summary>
public abstract record Nested;

/// <summary><c>sudo rm -rf /</c> runs <c>rm -rf /</c>.</summary>
public sealed record NestedCommand(ArgvCommand Command) : Nested;

/// <summary><c>bash -c '…'</c>, <c>eval …</c>, <c>ssh host '…'</c>, <c>cmd /c …</c>, <c>powershell -enc …</c>.</summary>
public sealed record NestedScript(string Text, ScriptDialect Dialect) : Nested;

/// <summary><c>python -c '…'</c>, <c>perl -e '…'</c>, <c>awk '…'</c>: code in a language, searched for the shell commands it runs.</summary>
public sealed record NestedCode(string Language, string Code) : Nested;

/// <summary>A shell or interpreter with no script argument: it runs whatever arrives on stdin.</summary>
public sealed record NestedStdin(string Language) : Nested;

/// <summary><c>bash ./x.sh</c>, <c>source ~/.profile</c>, <c>./run</c>: a file that is executed.</summary>
public sealed record NestedScriptFile(string Path) : Nested;

/// <summary>Inline code opens a file (<c>open('/etc/passwd')</c>, <c>File.read</c>, <c>file_get_contents</c>): read like any other.</summary>
public sealed record NestedFileRead(string Path) : Nested;

/// <summary><c>env A=b cmd</c>, <c>sudo A=b cmd</c>: a variable set for the command.</summary>
public sealed record NestedAssignment(string Name, string Value) : Nested;

/// <summary><c>env</c>, <c>printenv</c>, <c>set</c> with no command: the whole environment, secrets included, is printed.</summary>
public sealed record NestedEnvironmentDump : Nested;
