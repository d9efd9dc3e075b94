namespace Palisade.Core.Rules.Validation;

/// <summary>A payment card number: Luhn, and a length that the issuer range of its prefix allows.</summary>
public sealed class PaymentCardValidator : ISecretValidator
{
    private static readonly LuhnValidator Luhn = new();

    public string Name => "payment-card";

    public bool IsValid(ReadOnlySpan<char> value)
    {
        Span<char> digits = stackalloc char[24];
        var n = SeparatedDigits.Read(value, digits);
        if (n < 0) return false;
        var d = digits[..n];
        if (n is < 12 or > 19 || !d.ContainsAnyExcept(d[0]) || !Luhn.IsValid(d)) return false;
        return IssuerAllows(d, n);
    }

    private static bool IssuerAllows(ReadOnlySpan<char> d, int length)
    {
        var p2 = int.Parse(d[..2]);
        var p3 = int.Parse(d[..3]);
        var p4 = int.Parse(d[..4]);
        if (d[0] == '4') return length is 13 or 16 or 19;                                  // Visa
        if (p2 is >= 51 and <= 55 || p4 is >= 2221 and <= 2720) return length == 16;        // Mastercard
        if (p2 is 34 or 37) return length == 15;                                             // American Express
        if (p4 == 6011 || p3 is >= 644 and <= 649 || p2 == 65) return length is >= 16 and <= 19; // Discover
        if (p2 == 35) return length is >= 16 and <= 19;                                     // JCB
        if (p4 is 1800 or 2131) return length == 15;                                         // JCB, older 15-digit ranges
        if (p3 is >= 300 and <= 305 || p2 is 36 or 38 or 39) return length is >= 14 and <= 19; // Diners Club
        if (p2 == 62) return length is >= 16 and <= 19;                                      // UnionPay
        if (p2 is 50 or (>= 56 and <= 69)) return length is >= 12 and <= 19;                // Maestro
        return false;
    }
}
