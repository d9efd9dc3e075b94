using System.Net;

namespace Palisade.Gateway.Egress.Dns;

/// <summary>A host and port with the addresses that were resolved once and checked: the only addresses the proxy connects to.</summary>
public sealed record PinnedTarget(string Host, int Port, IReadOnlyList<IPAddress> Addresses, bool Trusted);

/// <summary>Why a target may not be reached: a resolved address in a blocked range, or a name that does not resolve.</summary>
public sealed record TargetRefusal(string Rule, string Reason);
