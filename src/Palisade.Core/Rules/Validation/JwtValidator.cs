using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Palisade.Core.Rules.Validation;

/// <summary>
/// A JSON Web Token in compact form: three base64url parts (the signature may be empty, as with <c>alg: none</c>),
/// whose header decodes to a JSON object with an <c>alg</c> member.
/// </summary>
public sealed class JwtValidator : ISecretValidator
{
    public string Name => "jwt";

    /// <summary>Headers are a few dozen bytes; anything larger is not a header worth decoding.</summary>
    private const int MaxHeaderChars = 2048;

    public bool IsValid(ReadOnlySpan<char> value)
    {
        var first = value.IndexOf('.');
        if (first <= 0) return false;
        var rest = value[(first + 1)..];
        var second = rest.IndexOf('.');
        if (second <= 0) return false;
        var header = value[..first];
        var payload = rest[..second];
        var signature = rest[(second + 1)..];
        if (header.Length > MaxHeaderChars || signature.Contains('.')) return false;
        if (!IsBase64Url(payload) || !IsBase64Url(signature)) return false;

        Span<byte> json = stackalloc byte[Base64Url.GetMaxDecodedLength(header.Length)];
        // The OperationStatus overload reports malformed input instead of throwing, as TryDecodeFromChars would.
        if (Base64Url.DecodeFromChars(header, json, out _, out var written) != OperationStatus.Done) return false;
        return HasAlg(json[..written]);
    }

    private static bool IsBase64Url(ReadOnlySpan<char> part)
    {
        foreach (var c in part)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '=')) return false;
        return true;
    }

    private static bool HasAlg(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var alg = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("alg"u8))
                {
                    reader.Read();
                    alg |= reader.TokenType == JsonTokenType.String;
                }
            }
            return alg;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
