using System.CommandLine;

namespace Palisade.Cli.Setup;

/// <summary>
/// The flags every <c>palisade setup</c> subcommand shares. They are recursive, so both
/// <c>palisade setup --dry-run cursor</c> and <c>palisade setup cursor --dry-run</c> work.
/// </summary>
public sealed class SetupOptions
{
    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print the diff of what would change and change nothing.", Recursive = true };

    public Option<bool> Undo { get; } = new("--undo") { Description = "Put back the file as it was before the latest setup (from its backup).", Recursive = true };
}
