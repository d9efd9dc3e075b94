using Palisade.Core.Model;

namespace Palisade.Core.Analyzers.Commands;

/// <summary>Where a command's file and URL accesses go to be judged (the analyzer hands them to the path and URL analyzers).</summary>
public interface ICommandEffects
{
    /// <summary>Reports a file access; true when the file holds credentials (by the path analyzer's findings or the fallback list).</summary>
    bool File(string path, FileOperation operation, int start, int length);

    /// <summary>
    /// <see cref="File(string, FileOperation, int, int)"/> with what the walker knows about the access: whether the
    /// command reads the path as a tree, and whether a relative path still starts in the action's working directory.
    /// </summary>
    bool File(FileEffect effect, int start, int length) => File(effect.Path, effect.Operation, start, length);

    void Url(string url, string method, int start, int length);

    /// <summary>Reports a simple command about to be analysed (the program it runs is what paranoid mode's allow-list checks).</summary>
    void Program(ArgvCommand command, int start, int length)
    {
    }

    /// <summary>A file or URL past <see cref="CommandLimits.MaxInnerActions"/>, not handed on to be judged (paranoid mode holds the line for it).</summary>
    void Unjudged(int start, int length)
    {
    }
}

/// <summary>What one command (or a group of them) does that a pipeline or list combines: the basis of the flow checks.</summary>
public sealed class CommandFacts
{
    public static CommandFacts None => new();

    /// <summary>The command that finally runs, after wrappers (<c>sudo</c>, <c>env</c>…) are taken off; null for compound commands.</summary>
    public ArgvCommand? Effective { get; set; }

    /// <summary>It reads credentials: a credential file, the whole environment, or a substitution that does.</summary>
    public bool ReadsSecret { get; set; }

    /// <summary>It archives a whole tree the user keeps data in (<c>/</c>, <c>/etc</c>, <c>/home</c>, <c>~</c>).</summary>
    public bool ReadsBulk { get; set; }

    /// <summary>It sends data over the network.</summary>
    public bool SendsNetwork { get; set; }

    /// <summary>It runs what arrives on stdin as code in this language (<c>sh</c>, <c>python</c>…), or null.</summary>
    public string? StdinLanguage { get; set; }

    // Most commands write nothing: the list is made on the first write.
    private List<string>? _writes;

    /// <summary>Files it writes (redirections, copies, archives): a secret read earlier is staged there.</summary>
    public IReadOnlyList<string> Writes => _writes ?? (IReadOnlyList<string>)[];

    public void AddWrite(string path) => (_writes ??= []).Add(path);

    public void Merge(CommandFacts other)
    {
        ReadsSecret |= other.ReadsSecret;
        ReadsBulk |= other.ReadsBulk;
        SendsNetwork |= other.SendsNetwork;
        if (other._writes is { Count: > 0 } writes) (_writes ??= []).AddRange(writes);
    }
}
