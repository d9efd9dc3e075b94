namespace Palisade.Core.Rules.Validation;

/// <summary>A US Social Security number as issued: area 001–899 except 666, group 01–99, serial 0001–9999.</summary>
public sealed class UsSsnValidator : ISecretValidator
{
    public string Name => "us-ssn";

    public bool IsValid(ReadOnlySpan<char> value)
    {
        Span<char> d = stackalloc char[9];
        if (SeparatedDigits.Read(value, d) != 9) return false;
        var area = int.Parse(d[..3]);
        var group = int.Parse(d[3..5]);
        var serial = int.Parse(d[5..]);
        return area is > 0 and < 900 and not 666 && group > 0 && serial > 0;
    }
}
