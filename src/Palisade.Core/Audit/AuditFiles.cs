using System.Globalization;

namespace Palisade.Core.Audit;

/// <summary>The audit directory's layout: one <c>audit-YYYY-MM-DD.jsonl</c> per UTC day, a <c>.lock</c> file, nothing else read.</summary>
internal static class AuditFiles
{
    public const string LockFileName = ".lock";
    private const string Prefix = "audit-";
    private const string Suffix = ".jsonl";

    public static string NameFor(DateOnly day) => $"{Prefix}{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{Suffix}";

    public static bool TryParseDay(string fileName, out DateOnly day)
    {
        day = default;
        return fileName.Length == Prefix.Length + 10 + Suffix.Length
            && fileName.StartsWith(Prefix, StringComparison.Ordinal)
            && fileName.EndsWith(Suffix, StringComparison.Ordinal)
            && DateOnly.TryParseExact(fileName.AsSpan(Prefix.Length, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    /// <summary>The day a day file is for (its name says it); null for any other name.</summary>
    public static DateOnly? DayOf(string path) => TryParseDay(Path.GetFileName(path), out var day) ? day : null;

    /// <summary>The day files, oldest first (their names sort by date).</summary>
    public static IReadOnlyList<string> List(string directory) =>
        [.. Directory.EnumerateFiles(directory, $"{Prefix}*{Suffix}")
            .Where(path => TryParseDay(Path.GetFileName(path), out _))
            .Order(StringComparer.Ordinal)];

    /// <summary>Audit files and side files are readable by their owner only: redacted evidence is still evidence.</summary>
    public static FileStreamOptions PrivateFile(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows() && mode is FileMode.Append or FileMode.Create or FileMode.CreateNew or FileMode.OpenOrCreate)
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }
}
