using System.Buffers.Text;

namespace Palisade.Core.Rules.Validation;

/// <summary>
/// HTTP Basic credentials: standard base64 that decodes to text without control characters, of the form <c>user:password</c>,
/// which keeps prose, placeholders and other base64 payloads after "Basic" out.
/// </summary>
public sealed class BasicAuthValidator : ISecretValidator
{
    public string Name => "basic-auth";

    private const int MaxChars = 1024;

    public bool IsValid(ReadOnlySpan<char> value)
    {
        if (value.Length is < 4 or > MaxChars) return false;
        Span<byte> decoded = stackalloc byte[Base64.GetMaxDecodedFromUtf8Length(value.Length)];
        Span<byte> utf8 = stackalloc byte[value.Length];
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] > 127) return false;
            utf8[i] = (byte)value[i];
        }
        if (Base64.DecodeFromUtf8(utf8, decoded, out _, out var written) != System.Buffers.OperationStatus.Done) return false;
        var text = decoded[..written];
        var colon = text.IndexOf((byte)':');
        if (colon < 0 || text.Length < 2) return false;
        foreach (var b in text)
            if (b is < 0x20 or 0x7F) return false; // control characters: binary, not a user name and password
        return true;
    }
}
