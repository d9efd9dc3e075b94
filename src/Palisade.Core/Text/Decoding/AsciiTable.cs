namespace Palisade.Core.Text.Decoding;

/// <summary>Membership tables for small ASCII sets, for scans that test one character at a time.</summary>
internal static class AsciiTable
{
    public static bool[] Of(string members)
    {
        var table = new bool[128];
        foreach (var c in members) table[c] = true;
        return table;
    }
}
