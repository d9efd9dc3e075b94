using System.Collections.Frozen;

namespace Palisade.Core.Text.Folding;

/// <summary>
/// Letters that look like Latin letters. Cyrillic, Greek and Armenian look-alikes are mapped only inside a
/// token that also has Latin letters (<c>іgnоrе</c>), so Russian or Greek words stay as they are. Latin-script
/// look-alikes (small capitals, IPA letters) are Latin already and are always mapped. Full-width and
/// mathematical letters need no entry: NFKC has already made them ASCII.
/// </summary>
internal static class Confusables
{
    private static readonly FrozenDictionary<char, char> ForeignLookalikes = Pairs(
        // Cyrillic
        "аaеeёeоoрpсcуyхxѕsіiїiјjԁdһhԛqԝwӏlүyѵvкk" +
        "АaВbЕeЁeКkМmНhОoРpСcТtУyХxЅsІiЇiЈjԀdԚqԜwҺhҮyӀlѴv" +
        // Greek
        "ΑaΒbΕeΖzΗhΙiΚkΜmΝnΟoΡpΤtΥyΧxϹc" +
        "αaεeιiκkνvοoρpτtυuχxωwγyηnϲcϳj" +
        // Armenian
        "օoսuհhոnցgզqՕoՍu");

    private static readonly FrozenDictionary<char, char> LatinLookalikes = Pairs(
        "ɑaɡgɩiıiȷjʏyɪiɢgɴnʀrʜhʟlʙbᴀaᴄcᴅdᴇeᴊjᴋkᴍmᴏoᴘpᴛtᴜuᴠvᴡwᴢzꜰfꜱs");

    /// <summary>Which script a letter belongs to, as far as confusable mapping cares.</summary>
    public static LetterScript ScriptOf(char c)
    {
        if (c <= '\u007F') return char.IsAsciiLetter(c) ? LetterScript.Latin : LetterScript.Other;
        // Greek, Cyrillic and Armenian are contiguous: one test for the common case of a Russian or Greek page.
        if (InRange(c, '\u0370', '\u058F')) return LetterScript.Lookalike;
        if (c <= '\u02AF') return c >= '\u00C0' ? LetterScript.Latin : LetterScript.Other;
        if (InRange(c, '\u1D00', '\u1DBF') || InRange(c, '\u1E00', '\u1EFF') || InRange(c, '\u2C60', '\u2C7F')
            || InRange(c, '\uA720', '\uA7FF') || InRange(c, '\uAB30', '\uAB6F')) return LetterScript.Latin;
        if (InRange(c, '\u1C80', '\u1C8F') || InRange(c, '\u1F00', '\u1FFF') || InRange(c, '\u2DE0', '\u2DFF')
            || InRange(c, '\uA640', '\uA69F')) return LetterScript.Lookalike;
        return LetterScript.Other;
    }

    private static bool InRange(char c, char first, char last) => (uint)(c - first) <= (uint)(last - first);

    /// <summary>The Latin letter a Cyrillic, Greek or Armenian look-alike stands for (for use inside mixed-script tokens).</summary>
    public static bool TryMapForeign(char c, out char latin) => ForeignLookalikes.TryGetValue(c, out latin);

    /// <summary>The plain Latin letter for a Latin-script look-alike (small capital, IPA letter), or <paramref name="c"/>.</summary>
    public static char MapLatin(char c) =>
        c is < '\u0131' or (> '\u02AF' and < '\u1D00') or (> '\u1D2B' and < '\uA730') or > '\uA731' || !LatinLookalikes.TryGetValue(c, out var latin) ? c : latin;

    private static FrozenDictionary<char, char> Pairs(string pairs)
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < pairs.Length; i += 2) map[pairs[i]] = pairs[i + 1];
        return map.ToFrozenDictionary();
    }
}

internal enum LetterScript
{
    Other,
    Latin,
    /// <summary>Cyrillic, Greek or Armenian: scripts with letters that pass for Latin ones.</summary>
    Lookalike,
}
