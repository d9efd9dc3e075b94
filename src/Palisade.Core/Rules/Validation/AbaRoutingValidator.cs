namespace Palisade.Core.Rules.Validation;

/// <summary>A US ABA routing number: nine digits, a Federal Reserve prefix, and the 3-7-1 weighted checksum.</summary>
public sealed class AbaRoutingValidator : ISecretValidator
{
    public string Name => "aba";

    public bool IsValid(ReadOnlySpan<char> value)
    {
        if (value.Length != 9 || value.ContainsAnyExceptInRange('0', '9') || !value.ContainsAnyExcept(value[0])) return false;
        var prefix = (value[0] - '0') * 10 + (value[1] - '0');
        if (!(prefix <= 12 || prefix is >= 21 and <= 32 || prefix is >= 61 and <= 72 || prefix == 80)) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (value[i] - '0') * (i % 3) switch { 0 => 3, 1 => 7, _ => 1 };
        return sum % 10 == 0;
    }
}
