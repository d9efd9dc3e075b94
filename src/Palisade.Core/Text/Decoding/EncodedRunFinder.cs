using System.Buffers;

namespace Palisade.Core.Text.Decoding;

/// <summary>
/// Finds runs of base64/base32 characters at least <c>minLength</c> long and decodes them. The scan probes one
/// character every <c>minLength</c>: a probe outside the alphabet proves no long-enough run covers it, so prose
/// (short words between spaces) is skipped at a fraction of a read per character. Each character is looked at
/// a bounded number of times, so the pass is linear.
/// </summary>
internal static class EncodedRunFinder
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_";

    private static readonly SearchValues<char> RunChars = SearchValues.Create(Alphabet);

    /// <summary>The same set as a table: probing one character must cost a load, not a call.</summary>
    private static readonly bool[] IsRunChar = AsciiTable.Of(Alphabet);

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789ABCDEFabcdef");

    public static void Find(ReadOnlySpan<char> text, int minLength, List<DecodedSegment> into)
    {
        var pos = 0;
        while (pos + minLength - 1 < text.Length)
        {
            var probe = pos + minLength - 1;
            if (!IsRun(text[probe]))
            {
                pos = probe + 1;
                continue;
            }
            var start = probe;
            while (start > pos && IsRun(text[start - 1])) start--;
            var end = probe + 1;
            while (end < text.Length && end - start < minLength && IsRun(text[end])) end++;
            if (end - start >= minLength && end < text.Length)
            {
                // A long run: find its end with a vectorized search.
                var after = text[end..].IndexOfAnyExcept(RunChars);
                end = after < 0 ? text.Length : end + after;
            }
            if (end - start >= minLength)
            {
                while (end < text.Length && text[end] == '=') end++;
                TryRun(text, start, end, minLength, into);
            }
            pos = end;
        }
    }

    private static bool IsRun(char c) => c < 128 && IsRunChar[c];

    /// <summary>Decodes one run; if the whole run is not a payload, tries its pieces between <c>/ - _</c> (a payload glued to a path or a key name).</summary>
    private static void TryRun(ReadOnlySpan<char> text, int start, int end, int minLength, List<DecodedSegment> into)
    {
        var run = text[start..end];
        // Runs of hex digits are the hex codec's; base64 of text never looks like that.
        if (run.TrimEnd('=').IndexOfAnyExcept(HexDigits) < 0) return;
        if (TryDecode(run, start, into)) return;
        if (run.IndexOfAny('/', '-', '_') < 0) return;
        var pieceStart = 0;
        for (var i = 0; i <= run.Length; i++)
        {
            if (i < run.Length && run[i] is not ('/' or '-' or '_')) continue;
            if (i - pieceStart >= minLength) TryDecode(run[pieceStart..i], start + pieceStart, into);
            pieceStart = i + 1;
        }
    }

    private static bool TryDecode(ReadOnlySpan<char> run, int start, List<DecodedSegment> into)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Base64Codec.MaxDecodedLength(run.Length));
        try
        {
            string? text;
            if (Base32Codec.IsAlphabet(run) && Base32Codec.TryDecode(run, rented, out var n32) && (text = TextCheck.ToText(rented.AsSpan(0, n32))) is not null)
            {
                into.Add(new DecodedSegment(start, run.Length, Base32Codec.Name, text));
                return true;
            }
            if (Base64Codec.TryDecode(run, rented, out var n64) && (text = TextCheck.ToText(rented.AsSpan(0, n64))) is not null)
            {
                into.Add(new DecodedSegment(start, run.Length, Base64Codec.Name, text));
                return true;
            }
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
