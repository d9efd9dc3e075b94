namespace Palisade.Core.Text;

/// <summary>
/// Every view of one field's text that scanners read, built lazily: clean text pays only for the views it needs.
/// Secrets and PII read <see cref="ForSecrets"/>; the injection scanner reads <see cref="ForInjection"/>. Dispose it when the
/// field has been scanned: folded views live in pooled buffers.
/// </summary>
public sealed class ContentViews : IDisposable
{
    private readonly DecodeLimits _limits;
    private TextView? _normalized;
    private TextView? _folded;
    private DecodeResult? _decoded;
    private IReadOnlyList<TextView>? _foldedDecoded;

    public string Original { get; }
    public TextView Raw { get; }

    public ContentViews(string text, DecodeLimits? limits = null)
    {
        Original = text;
        Raw = TextView.Raw(text);
        _limits = limits ?? DecodeLimits.Default;
    }

    /// <summary>Invisible, zero-width, bidi and tag characters removed, then NFKC. The same instance as <see cref="Raw"/> when nothing changed.</summary>
    public TextView Normalized => _normalized ??= Normalizer.Normalize(Raw);

    /// <summary>Normalized, confusables mapped, lower-cased, leetspeak undone, whitespace folded: what phrase rules read.</summary>
    public TextView Folded => _folded ??= Folder.Fold(Normalized);

    /// <summary>Payloads decoded from the text (URL, base64, hex, base32, hidden tag characters, nested), bounded by <see cref="DecodeLimits"/>.</summary>
    public IReadOnlyList<TextView> Decoded => DecodeResult.Views;

    /// <summary>True when a <see cref="DecodeLimits"/> bound left part of the payloads undecoded: the views may not show everything.</summary>
    public bool DecodeLimitReached => DecodeResult.LimitReached;

    /// <summary>Each decoded payload normalized and folded like <see cref="Folded"/>.</summary>
    public IReadOnlyList<TextView> FoldedDecoded => _foldedDecoded ??= Decoded.Select(d => Folder.Fold(Normalizer.Normalize(d))).ToArray();

    private DecodeResult DecodeResult => _decoded ??= Decoder.Decode(Raw, Normalized, _limits);

    /// <summary>Raw, normalized (if different) and decoded views: where credentials and PII are looked for.</summary>
    public IEnumerable<TextView> ForSecrets()
    {
        yield return Raw;
        if (!ReferenceEquals(Normalized, Raw)) yield return Normalized;
        foreach (var d in Decoded) yield return d;
    }

    /// <summary>The folded view and folded decoded payloads: where instructions are looked for.</summary>
    public IEnumerable<TextView> ForInjection()
    {
        yield return Folded;
        foreach (var d in FoldedDecoded) yield return d;
    }

    /// <summary>Gives the folded views' pooled buffers back; call it once the field has been scanned.</summary>
    public void Dispose()
    {
        _folded?.Release();
        if (_foldedDecoded is not null)
            foreach (var d in _foldedDecoded) d.Release();
    }
}
