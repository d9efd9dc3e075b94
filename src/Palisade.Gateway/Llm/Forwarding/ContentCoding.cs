using System.IO.Compression;

namespace Palisade.Gateway.Llm.Forwarding;

/// <summary>
/// HTTP content codings Palisade can read: gzip, br, deflate (zlib-wrapped, as HTTP means it) and identity. Anything
/// else (zstd, stacked codings) cannot be scanned, so in enforce it is not forwarded.
/// </summary>
public static class ContentCoding
{
    /// <summary>A stream of the decoded bytes, or null when the coding is not one Palisade reads.</summary>
    public static Stream? Decode(Stream body, string coding) => coding.Trim().ToLowerInvariant() switch
    {
        "" or "identity" => body,
        "gzip" or "x-gzip" => new GZipStream(body, CompressionMode.Decompress),
        "br" => new BrotliStream(body, CompressionMode.Decompress),
        "deflate" => new ZLibStream(body, CompressionMode.Decompress),
        _ => null,
    };
}
