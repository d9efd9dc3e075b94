namespace Palisade.Core.Rules.Validation;

/// <summary>
/// A Grafana credential that is not a placeholder and, for a legacy API key (<c>eyJrIjoi…</c>), whose base64 decodes to
/// Grafana's own layout: <c>{"k":"…","n":"…","id":…}</c>, the key followed by its name. Other JSON that happens to open
/// with a <c>k</c> member (a Power BI report link: <c>{"k":"…","t":"…"}</c>) is not a Grafana key.
/// </summary>
public sealed class GrafanaKeyValidator : ISecretValidator
{
    public string Name => "grafana-key";

    private static readonly NotPlaceholderValidator NotPlaceholder = new();

    /// <summary>The key (at most 40 characters) and the name member that follows fit in the first 80 characters.</summary>
    private const int HeadChars = 80;

    public bool IsValid(ReadOnlySpan<char> value)
    {
        if (!NotPlaceholder.IsValid(value)) return false;
        if (!value.StartsWith("eyJrIjoi", StringComparison.Ordinal)) return true;
        var length = Math.Min(value.Length, HeadChars) & ~3;
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
            chars[i] = value[i] switch { '-' => '+', '_' => '/', var c => c };
        Span<byte> json = stackalloc byte[length / 4 * 3];
        if (!Convert.TryFromBase64Chars(chars, json, out var written)) return false;
        var decoded = json[..written];
        // {"k":" is six bytes; the key ends at the next quote
        var end = decoded[6..].IndexOf((byte)'"');
        return end >= 0 && decoded[(6 + end)..].StartsWith("\",\"n"u8);
    }
}
