using Palisade.Core.Model;

namespace Palisade.Core.Scanners;

/// <summary>A scanner reads the text fields of an action and reports findings. It decides nothing: policy does.</summary>
public interface IContentScanner
{
    /// <summary>Part of the audit contract: <c>secrets</c>, <c>pii</c>, <c>injection</c>, …</summary>
    string Name { get; }

    bool AppliesTo(AgentAction action);

    void Scan(FieldContext field, List<Finding> findings);
}
