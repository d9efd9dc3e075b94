namespace Palisade.Core.Rules;

/// <summary>
/// What matching does with a value that has a credential's shape but is a placeholder or a published test value
/// (<c>AKIA…EXAMPLE</c>, <c>4111 1111 1111 1111</c>, a key typed as <c>…abcdef123456</c>).
/// </summary>
public enum Placeholders
{
    /// <summary>Dropped: in code, prompts and documents such a value is an example, not a leak.</summary>
    Drop,

    /// <summary>
    /// Kept: at the network boundary a request that carries a credential-shaped value is an exfiltration pattern, and
    /// the firewall cannot know the receiver treats it as harmless (docs/decisions/012).
    /// </summary>
    Keep,
}
