using System.Text;
using Palisade.Core.Config;

namespace Palisade.Core.Analyzers.Egress;

/// <summary>Reads and writes the <c>egress:</c> configuration section, strictly: unknown keys and malformed hosts are errors.</summary>
public static class EgressConfigYaml
{
    public static EgressConfig Read(YamlNode node)
    {
        var config = new EgressConfig
        {
            AllowHosts = Hosts(node, "allow_hosts", allowPort: false),
            DenyHosts = Hosts(node, "deny_hosts", allowPort: false),
            ExfilHostsExtra = Hosts(node, "exfil_hosts_extra", allowPort: false),
            TrustedHosts = Hosts(node, "trusted_hosts", allowPort: true),
            PlaceholderCredentials = Placeholders(node),
        };
        node.RejectUnknownKeys();
        var both = config.AllowHosts.Select(h => h.ToString()).Intersect(config.DenyHosts.Select(h => h.ToString())).FirstOrDefault();
        if (both is not null) throw node.Error($"'{both}' is in both allow_hosts and deny_hosts; keep it in one.");
        return config;
    }

    private static PlaceholderCredentials Placeholders(YamlNode node)
    {
        if (node.Get("placeholder_credentials") is not { } value) return PlaceholderCredentials.Report;
        return value.AsString() switch
        {
            "report" => PlaceholderCredentials.Report,
            "ignore" => PlaceholderCredentials.Ignore,
            var other => throw value.Error($"placeholder_credentials is 'report' or 'ignore', not '{other}'."),
        };
    }

    private static IReadOnlyList<HostPattern> Hosts(YamlNode node, string key, bool allowPort)
    {
        if (node.Get(key) is not { } list) return [];
        var items = list.IsScalar ? [list] : list.Items().ToList();
        var result = new List<HostPattern>(items.Count);
        foreach (var item in items)
        {
            var pattern = HostPattern.TryParse(item.AsString(), allowPort, out var error)
                ?? throw item.Error($"{error} Write entries like 'api.example.com', '*.example.com'{(allowPort ? ", 'localhost:11434'" : "")} or '10.0.0.5'.");
            result.Add(pattern);
        }
        return result;
    }

    /// <summary>The section as <see cref="Read"/> reads it back; nothing when every list is empty.</summary>
    public static void Write(StringBuilder sb, EgressConfig c)
    {
        // Defaults too: 'config show' prints what is in force, not only what the file changed.
        sb.AppendLine("egress:");
        List("allow_hosts", c.AllowHosts);
        List("deny_hosts", c.DenyHosts);
        List("exfil_hosts_extra", c.ExfilHostsExtra);
        List("trusted_hosts", c.TrustedHosts);
        sb.AppendLine($"  placeholder_credentials: {(c.PlaceholderCredentials == PlaceholderCredentials.Report ? "report" : "ignore")}");

        void List(string key, IReadOnlyList<HostPattern> hosts)
        {
            if (hosts.Count == 0)
            {
                sb.AppendLine($"  {key}: []");
                return;
            }
            sb.AppendLine($"  {key}:");
            foreach (var h in hosts) sb.AppendLine($"    - '{h}'");
        }
    }
}
