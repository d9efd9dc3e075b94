namespace Palisade.Cli.Eval;

/// <summary>Counts for one subset of one suite.</summary>
public sealed class SubsetResult(string suite, string area, string subset)
{
    public string Suite { get; } = suite;
    public string Area { get; } = area;
    public string Subset { get; } = subset;
    public int Attacks { get; set; }
    public int AttacksFlagged { get; set; }
    public int Benign { get; set; }
    public int BenignFlagged { get; set; }
    public List<string> Missed { get; } = [];
    public List<string> FalsePositives { get; } = [];

    public double? Recall => Attacks == 0 ? null : (double)AttacksFlagged / Attacks;
    public double? FalsePositiveRate => Benign == 0 ? null : (double)BenignFlagged / Benign;
}

/// <summary>A suite's outcome: its subsets, or why it was skipped.</summary>
public sealed record SuiteResult(string Name, string Area, IReadOnlyList<SubsetResult> Subsets, SubsetResult Total, string? Skipped, double Seconds);
