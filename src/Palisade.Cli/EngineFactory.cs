using System.Security.Cryptography;
using Palisade.Core.Config;
using Palisade.Core.Engine;
using Palisade.Core.Policy;
using Palisade.Core.Redaction;

namespace Palisade.Cli;

/// <summary>Loads the effective configuration (flag, then <c>$PALISADE_HOME/config.yaml</c>, then defaults) and builds the engine.</summary>
public static class EngineFactory
{
    public static PalisadeConfig LoadConfig(string? configPath, string? mode)
    {
        var home = PalisadeHome.FromEnvironment();
        var config = configPath is not null ? ConfigLoader.LoadFile(configPath)
            : File.Exists(home.ConfigFile) ? ConfigLoader.LoadFile(home.ConfigFile)
            : PalisadeConfig.Default;
        if (mode is not null)
        {
            if (!PolicyModes.ByName.TryGetValue(mode, out var m))
                throw new ConfigException($"--mode: '{mode}' is not one of: {string.Join(", ", PolicyModes.ByName.Keys)}.");
            config = config with { Mode = m };
        }
        return config;
    }

    public static PalisadeEngine Create(PalisadeConfig config) => new(config, LoadRedactor());

    /// <summary>The evidence key under <c>$PALISADE_HOME/keys</c> so hashes correlate across runs; a throwaway key if the home is not writable.</summary>
    private static EvidenceRedactor LoadRedactor()
    {
        try
        {
            var home = PalisadeHome.FromEnvironment();
            return new EvidenceRedactor(PalisadeHome.ReadOrCreateSecretFile(Path.Combine(home.KeysDirectory, "evidence.key"), () => RandomNumberGenerator.GetBytes(32)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return EvidenceRedactor.Ephemeral();
        }
    }
}
