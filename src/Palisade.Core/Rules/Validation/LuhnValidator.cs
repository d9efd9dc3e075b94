namespace Palisade.Core.Rules.Validation;

/// <summary>The Luhn mod-10 checksum over the digits of the value; separators are skipped.</summary>
public sealed class LuhnValidator : ISecretValidator
{
    public string Name => "luhn";

    public bool IsValid(ReadOnlySpan<char> value)
    {
        int sum = 0, count = 0;
        for (var i = value.Length - 1; i >= 0; i--)
        {
            var c = value[i];
            if (c is ' ' or '-') continue;
            if (c is < '0' or > '9') return false;
            var d = c - '0';
            if ((count & 1) == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            count++;
        }
        return count >= 12 && sum % 10 == 0;
    }
}
