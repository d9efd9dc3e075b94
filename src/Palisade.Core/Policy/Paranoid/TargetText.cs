using System.Text;
using Palisade.Core.Redaction;

namespace Palisade.Core.Policy.Paranoid;

/// <summary>
/// A held target as the reason shows it. A person must read the path, host or name to know what to list, so it is not
/// excerpted whole (the redactor masks any 16-character run, which is most paths); only a piece between separators
/// that looks like a token — long, letters and digits mixed — is masked, as a secret in a path or host would be.
/// </summary>
internal static class TargetText
{
    private const int TokenLength = 20;

    public static string Show(EvidenceRedactor redactor, string target, int max = 160)
    {
        var sb = new StringBuilder(Math.Min(target.Length, max) + 16);
        var i = 0;
        while (i < target.Length && sb.Length < max)
        {
            var end = i;
            while (end < target.Length && !IsSeparator(target[end])) end++;
            var piece = target.AsSpan(i, end - i);
            if (LooksLikeToken(piece)) sb.Append(redactor.Mask(piece));
            else foreach (var c in piece) sb.Append(char.IsControl(c) ? ' ' : c);
            if (end < target.Length) sb.Append(target[end]);
            i = end + 1;
        }
        if (i < target.Length) sb.Append('…');
        return sb.ToString();
    }

    private static bool IsSeparator(char c) => c is '/' or '\\' or '.' or ':' or '@' or ' ';

    private static bool LooksLikeToken(ReadOnlySpan<char> piece)
    {
        if (piece.Length < TokenLength) return false;
        bool letter = false, digit = false;
        foreach (var c in piece)
        {
            letter |= char.IsLetter(c);
            digit |= char.IsDigit(c);
        }
        return letter && digit;
    }
}
