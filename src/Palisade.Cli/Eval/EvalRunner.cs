using System.Diagnostics;
using Palisade.Core.Engine;

namespace Palisade.Cli.Eval;

/// <summary>Runs suites through the production engine and counts, per subset, what was flagged.</summary>
public static class EvalRunner
{
    public static SuiteResult Run(EvalSuite suite, string corporaDir, PalisadeEngine engine)
    {
        var missing = suite.Files.FirstOrDefault(f => !File.Exists(Path.Combine(corporaDir, f)));
        var total = new SubsetResult(suite.Name, suite.Area, "(all)");
        if (missing is not null) return new SuiteResult(suite.Name, suite.Area, [], total, $"{Path.Combine(corporaDir, missing)} not found", 0);

        var clock = Stopwatch.StartNew();
        var subsets = new SortedDictionary<string, SubsetResult>(StringComparer.Ordinal);
        foreach (var item in suite.Load(corporaDir))
        {
            var verdict = engine.Evaluate(ScanKind.ToAction(item.Kind, item.Text));
            var flaggedAny = false;
            foreach (var name in item.Subsets)
            {
                if (!subsets.TryGetValue(name, out var s)) subsets[name] = s = new SubsetResult(suite.Name, suite.Area, name);
                var flagged = suite.Flagged(verdict, item, name);
                flaggedAny |= flagged;
                Count(s, item, flagged);
            }
            Count(total, item, flaggedAny);
        }
        return new SuiteResult(suite.Name, suite.Area, subsets.Values.ToList(), total, null, clock.Elapsed.TotalSeconds);
    }

    private static void Count(SubsetResult s, EvalItem item, bool flagged)
    {
        if (item.Attack)
        {
            s.Attacks++;
            if (flagged) s.AttacksFlagged++;
            else s.Missed.Add(item.Id);
        }
        else
        {
            s.Benign++;
            if (flagged) { s.BenignFlagged++; s.FalsePositives.Add(item.Id); }
        }
    }
}
