namespace Palisade.Core.Policy;

/// <summary>
/// Score thresholds for the injection scanner. A field's score combines the weights of the distinct rules
/// that matched it as 1 − Π(1 − wᵢ): independent weak signals add up, none reaches 1.
/// </summary>
public sealed record InjectionThresholds(double Audit = 0.3, double Review = 0.6, double Block = 0.75)
{
    public static InjectionThresholds Default { get; } = new();

    public static double Score(IEnumerable<double> weights)
    {
        var keep = 1.0;
        foreach (var w in weights) keep *= 1 - Math.Clamp(w, 0, 1);
        return 1 - keep;
    }
}
