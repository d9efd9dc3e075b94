using Palisade.Core.Engine;

namespace Palisade.Cli.Hooks.Helper;

/// <summary>
/// The helper's engine, rebuilt when the configuration file changes, so a helper never judges by a configuration
/// the person has since edited. A configuration that no longer loads throws on every call (the hook blocks).
/// </summary>
public sealed class WarmEngine(string configFile, Func<PalisadeEngine> build)
{
    private readonly Lock _gate = new();
    private (DateTime Stamp, PalisadeEngine Engine)? _current;

    public PalisadeEngine Get()
    {
        var stamp = File.Exists(configFile) ? File.GetLastWriteTimeUtc(configFile) : DateTime.MinValue;
        lock (_gate)
        {
            if (_current is { } c && c.Stamp == stamp) return c.Engine;
            var engine = build();
            engine.PrepareForLongRun();
            _current = (stamp, engine);
            return engine;
        }
    }
}
