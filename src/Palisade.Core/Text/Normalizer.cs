using Palisade.Core.Text.Normalization;

namespace Palisade.Core.Text;

/// <summary>Removes characters that hide text from people but not from models, then applies NFKC, keeping an exact map to the original.</summary>
public static class Normalizer
{
    /// <summary>
    /// The normalized view of <paramref name="view"/>, or <paramref name="view"/> itself when nothing changes:
    /// printable ASCII (with tab and line breaks) is recognized by one vectorized pass and costs no allocation.
    /// </summary>
    public static TextView Normalize(TextView view)
    {
        if (view.Text.AsSpan().IndexOfAnyExcept(InvisibleChars.CleanAscii) < 0) return view;
        return NfkcMapper.Apply(InvisibleStripper.Strip(view));
    }

    public static bool IsInvisible(char c) => InvisibleChars.IsInvisible(c);
}
