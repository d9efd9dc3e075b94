using Palisade.Core.Text.Normalization;

namespace Palisade.Core.Text;

/// <summary>Removes characters that hide text from people but not from models, then applies NFKC, keeping an exact map to the original.</summary>
public static class Normalizer
{
    /// <summary>
    /// The normalized view of <paramref name="view"/>, or <paramref name="view"/> itself when nothing changes:
    /// printable ASCII (with tab and line breaks) is recognized by one vectorized pass and costs no allocation, and
    /// so is text in scripts that need no normalization (<see cref="StableText"/>).
    /// </summary>
    public static TextView Normalize(TextView view)
    {
        var text = view.Text.AsSpan();
        var first = text.IndexOfAnyExcept(InvisibleChars.CleanAscii);
        if (first < 0 || StableText.IsStable(text[first..])) return view;
        return NfkcMapper.Apply(InvisibleStripper.Strip(view));
    }

    public static bool IsInvisible(char c) => InvisibleChars.IsInvisible(c);
}
