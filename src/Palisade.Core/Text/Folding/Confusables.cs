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
    public static LetterScript ScriptOf(char c) => c switch
    {
        <= '\u007F' => char.IsAsciiLetter(c) ? LetterScript.Latin : LetterScript.Other,
        >= '\u00C0' and <= '\u024F' or >= '\u0250' and <= '\u02AF' or >= '\u1D00' and <= '\u1DBF'
            or >= '\u1E00' and <= '\u1EFF' or >= '\u2C60' and <= '\u2C7F' or >= '\uA720' and <= '\uA7FF'
            or >= '\uAB30' and <= '\uAB6F' => LetterScript.Latin,
        >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF' => LetterScript.Lookalike,
        >= '\u0400' and <= '\u052F' or >= '\u1C80' and <= '\u1C8F' or >= '\u2DE0' and <= '\u2DFF'
            or >= '\uA640' and <= '\uA69F' => LetterScript.Lookalike,
        >= '\u0530' and <= '\u058F' => LetterScript.Lookalike,
        _ => LetterScript.Other,
    };

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
