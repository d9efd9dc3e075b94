namespace Palisade.Core.Analyzers.Egress;

/// <summary>
/// The <c>egress:</c> section of the configuration: host lists that adjust the URL analyzer. Immutable.
/// None of them can lift a metadata-endpoint or secret finding: those stand whatever the lists say.
/// </summary>
public sealed record EgressConfig
{
    /// <summary>Hosts the agent may reach without reputation checks: exfiltration-channel and entropy rules do not fire for them.</summary>
    public IReadOnlyList<HostPattern> AllowHosts { get; init; } = [];

    /// <summary>Hosts that are always blocked (<c>egress-deny-host</c>).</summary>
    public IReadOnlyList<HostPattern> DenyHosts { get; init; } = [];

    /// <summary>More exfiltration channels, reported under <c>egress-exfil-channel</c> like the built-in ones.</summary>
    public IReadOnlyList<HostPattern> ExfilHostsExtra { get; init; } = [];

    /// <summary>HOST[:PORT] the agent may reach although they are local or private: dev servers, local models.</summary>
    public IReadOnlyList<HostPattern> TrustedHosts { get; init; } = [];

    /// <summary>
    /// Whether credential-shaped placeholders and published test values crossing the network boundary are reported
    /// under their rule (the default) or dropped as they are elsewhere (docs/decisions/012).
    /// </summary>
    public PlaceholderCredentials PlaceholderCredentials { get; init; } = PlaceholderCredentials.Report;

    public static EgressConfig Default { get; } = new();

    public bool IsEmpty => AllowHosts.Count == 0 && DenyHosts.Count == 0 && ExfilHostsExtra.Count == 0 && TrustedHosts.Count == 0
        && PlaceholderCredentials == PlaceholderCredentials.Report;
}

/// <summary>The values of <c>egress.placeholder_credentials</c>.</summary>
public enum PlaceholderCredentials
{
    /// <summary>Reported under the secret or PII rule that matched, with that rule's action.</summary>
    Report,

    /// <summary>Dropped, as in every other kind of content.</summary>
    Ignore,
}
