namespace Palisade.Core.Model;

public enum Severity
{
    Info,
    Low,
    Medium,
    High,
    Critical,
}
