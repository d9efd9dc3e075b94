namespace Palisade.Cli.Agents.Discovery;

/// <summary>The processes running on this machine; tests give their own list.</summary>
public interface IProcessSource
{
    IReadOnlyList<RunningProcess> List();
}
