using Palisade.Core.Audit;
using Palisade.Core.Engine;
using Palisade.Core.Policy;
using Palisade.Gateway.Approvals;
using Palisade.Gateway.Enforcement;

namespace Palisade.Gateway.Hosting;

/// <summary>What every module shares: one engine, one recorder, one approval queue, one clock.</summary>
public sealed class GatewayContext
{
    public required PalisadeConfig Config { get; init; }
    public required PalisadeEngine Engine { get; init; }
    public required AuditRecorder Audit { get; init; }
    public required ApprovalQueue Approvals { get; init; }
    public required EnforcementPoint Enforcement { get; init; }
    public required TimeProvider Time { get; init; }

    /// <summary>Where Palisade keeps its state for this run (<c>$PALISADE_HOME</c>).</summary>
    public required string HomeDirectory { get; init; }

    /// <summary>The pooled client for configured upstreams (see <see cref="UpstreamHandler"/>).</summary>
    public required HttpMessageInvoker Upstream { get; init; }

    /// <summary>Signalled when Ctrl-C (or <see cref="RunningGateway.StopAsync"/>) starts the drain.</summary>
    public required CancellationToken Stopping { get; init; }
}
