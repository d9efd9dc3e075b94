using Palisade.Core.Audit;

namespace Palisade.Cli.Hooks;

/// <summary>Where hook verdicts are recorded. Throws when the record cannot be written.</summary>
public interface IHookRecorder
{
    /// <summary>Appends one record; <paramref name="checkpoint"/> also signs everything written so far.</summary>
    void Record(AuditEvent record, bool checkpoint);
}
