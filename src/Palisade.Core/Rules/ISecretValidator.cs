namespace Palisade.Core.Rules;

/// <summary>A check beyond the regex that a captured value is real (a checksum, a structure).</summary>
public interface ISecretValidator
{
    string Name { get; }
    bool IsValid(ReadOnlySpan<char> value);
}
