using System.Text;

namespace Palisade.Core.Text;

/// <summary>Folds text for phrase rules: lower case, whitespace runs to one space.</summary>
public static class Folder
{
    public static TextView Fold(TextView view)
    {
        var text = view.Text;
        var sb = new StringBuilder(text.Length);
        var map = new int[text.Length];
        var n = 0;
        var lastSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (lastSpace) continue;
                c = ' ';
                lastSpace = true;
            }
            else lastSpace = false;
            sb.Append(char.ToLowerInvariant(c));
            map[n++] = view.ToSource(i, 1).Start;
        }
        return view.IsDecoded
            ? TextView.Decoded(view.Name, sb.ToString(), view.Depth, view.ToSource(0, 1).Start, view.ToSource(0, 1).Length)
            : TextView.Mapped("folded", sb.ToString(), map[..n]);
    }
}
