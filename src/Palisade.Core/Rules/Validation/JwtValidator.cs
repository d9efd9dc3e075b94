using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Palisade.Core.Rules.Validation;

/// <summary>
/// A JSON Web Token in compact form: three base64url parts (the signature may be empty, as with <c>alg: none</c>),
/// whose header decodes to a JSON object with an <c>alg</c> member.
/// <para>
/// A token damaged in transit or by hand (one character of the header changed, so it no longer parses) is still the
/// token: when the header is not JSON but still opens as a JOSE header (<c>{"alg":</c>), the payload opens as a JSON
/// object and a signature of at least <see cref="MinDamagedSignature"/> characters follows, it is accepted. Random
/// base64 opens that way about once in 2^60, so the relaxation costs no precision; a header that parses and has no
/// <c>alg</c> is still rejected.
/// </para>
/// </summary>
public sealed class JwtValidator : ISecretValidator
{
    public string Name => "jwt";

    /// <summary>Headers are a few dozen bytes; anything larger is not a header worth decoding.</summary>
    private const int MaxHeaderChars = 2048;

    /// <summary>An HS256 signature is 43 characters; 16 is the shortest that is plainly a signature and not a stub.</summary>
    private const int MinDamagedSignature = 16;

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
        var decoded = json[..written];
        return ReadHeader(decoded) switch
        {
            Header.WithAlg => true,
            Header.NotJson => decoded.StartsWith("{\"alg\":"u8) && OpensAsObject(payload) && signature.Length >= MinDamagedSignature,
            _ => false,
        };
    }

    private enum Header { WithAlg, WithoutAlg, NotJson }

    /// <summary>The payload's first bytes decode to <c>{"</c>: its first four characters are <c>eyJ</c> plus one more.</summary>
    private static bool OpensAsObject(ReadOnlySpan<char> payload)
    {
        if (payload.Length < 4) return false;
        Span<byte> head = stackalloc byte[3];
        return Base64Url.DecodeFromChars(payload[..4], head, out _, out var written, isFinalBlock: false) == OperationStatus.Done
            && written == 3 && head[0] == (byte)'{' && head[1] == (byte)'"';
    }

    private static bool IsBase64Url(ReadOnlySpan<char> part)
    {
        foreach (var c in part)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '=')) return false;
        return true;
    }

    private static Header ReadHeader(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var alg = false;
        try
        {
            if (!reader.Read()) return Header.NotJson;
            if (reader.TokenType != JsonTokenType.StartObject) return Header.WithoutAlg;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("alg"u8))
                {
                    reader.Read();
                    alg |= reader.TokenType == JsonTokenType.String;
                }
            }
            return alg ? Header.WithAlg : Header.WithoutAlg;
        }
        catch (JsonException)
        {
            return Header.NotJson;
        }
    }
}
