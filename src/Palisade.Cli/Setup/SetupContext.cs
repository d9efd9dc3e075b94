namespace Palisade.Cli.Setup;

/// <summary>What every <c>palisade setup</c> subcommand is built with: the console, the shared flags and the file editor.</summary>
public sealed record SetupContext(CliConsole Console, SetupOptions Options, JsonConfigEditor Editor);
