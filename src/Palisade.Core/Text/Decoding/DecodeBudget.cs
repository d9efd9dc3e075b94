namespace Palisade.Core.Text.Decoding;

/// <summary>What decoding may still spend on one field: views, and decoded characters (a multiple of the field's length).</summary>
internal sealed class DecodeBudget(DecodeLimits limits, int inputLength)
{
    private long _chars = (long)limits.MaxExpansionFactor * inputLength;
    private int _views = limits.MaxViews;

    /// <summary>True once something was left undecoded for lack of budget.</summary>
    public bool Exhausted { get; private set; }

    public bool HasView => _views > 0 || Fail();

    /// <summary>Takes <paramref name="chars"/> characters if they fit.</summary>
    public bool TryTakeChars(int chars)
    {
        if (chars > _chars) return Fail();
        _chars -= chars;
        return true;
    }

    public void TakeView() => _views--;

    /// <summary>Records that something did not fit.</summary>
    public bool Fail()
    {
        Exhausted = true;
        return false;
    }
}
