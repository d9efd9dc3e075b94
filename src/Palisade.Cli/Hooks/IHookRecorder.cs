using Palisade.Core.Audit;

namespace Palisade.Cli.Hooks;

/// <summary>Where hook verdicts are recorded. Throws when the record cannot be written.</summary>
public interface IHookRecorder
{
    /// <summary>Gets ready to write (keys, files), so it can overlap other start-up work; throws what <see cref="Record"/> would.</summary>
    void Open();

    /// <summary>Appends one record; <paramref name="checkpoint"/> also signs everything written so far.</summary>
    void Record(AuditEvent record, bool checkpoint);
}
