using Palisade.Core.Audit;
using Palisade.Core.Config;

namespace Palisade.Cli;

/// <summary>Opens the flight recorder for a CLI command: the given directory, signed with the home's audit key (made on first use).</summary>
public static class AuditFactory
{
    public static (AuditLog Log, AuditSigningKey Key) Open(string directory)
    {
        var key = AuditSigningKey.LoadOrCreate(PalisadeHome.FromEnvironment());
        return (new AuditLog(new AuditLogOptions { Directory = directory }, key, TimeProvider.System), key);
    }
}
