namespace Palisade.Core.Rules.Validation;

/// <summary>A US Social Security number as issued: area 001–899 except 666, group 01–99, serial 0001–9999.</summary>
public sealed class UsSsnValidator : ISecretValidator
{
    public string Name => "us-ssn";

    public bool IsValid(ReadOnlySpan<char> value)
    {
        Span<int> d = stackalloc int[9];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (n == 9) return false;
                d[n++] = c - '0';
            }
            else if (c is not (' ' or '-')) return false;
        }
        if (n != 9) return false;
        var area = d[0] * 100 + d[1] * 10 + d[2];
        var group = d[3] * 10 + d[4];
        var serial = d[5] * 1000 + d[6] * 100 + d[7] * 10 + d[8];
        return area is > 0 and < 900 and not 666 && group > 0 && serial > 0;
    }
}
