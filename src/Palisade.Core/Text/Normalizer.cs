using System.Text;

namespace Palisade.Core.Text;

/// <summary>Removes characters that hide text from people but not from models, then applies NFKC.</summary>
public static class Normalizer
{
    public static TextView Normalize(TextView raw)
    {
        var text = raw.Text;
        var i = 0;
        while (i < text.Length && text[i] < 0x80) i++;
        if (i == text.Length) return raw;
        var sb = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (var j = 0; j < text.Length; j++)
        {
            if (IsInvisible(text[j])) continue;
            sb.Append(text[j]);
            map.Add(j);
        }
        var stripped = sb.ToString();
        if (stripped.Length == text.Length && stripped.IsNormalized(NormalizationForm.FormKC)) return raw;
        var nfkc = stripped.Normalize(NormalizationForm.FormKC);
        // NFKC can change lengths; keep the strip map when it did not, otherwise map proportionally.
        var finalMap = nfkc.Length == map.Count ? map.ToArray() : Enumerable.Range(0, nfkc.Length).Select(k => map.Count == 0 ? 0 : map[Math.Min(map.Count - 1, (int)((long)k * map.Count / Math.Max(1, nfkc.Length)))]).ToArray();
        return TextView.Mapped("normalized", nfkc, finalMap);
    }

    public static bool IsInvisible(char c) =>
        c is '\u00AD' or '\u034F' or '\u061C' or '\u115F' or '\u1160' or '\u17B4' or '\u17B5' or '\u180E'
        or (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u206F')
        or '\u3164' or '\uFEFF' or '\uFFA0' or (>= '\uFE00' and <= '\uFE0F');
}
