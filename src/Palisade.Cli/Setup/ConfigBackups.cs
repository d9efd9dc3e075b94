using System.Globalization;

namespace Palisade.Cli.Setup;

/// <summary>
/// Timestamped copies kept next to a configuration file before Palisade changes it
/// (<c>settings.json.palisade-backup-20261121T144123456Z</c>). A file that did not exist yet is
/// recorded as an empty marker ending in <c>.absent</c>, so undoing removes the file again.
/// </summary>
public sealed class ConfigBackups(TimeProvider time)
{
    public const string Infix = ".palisade-backup-";
    public const string AbsentSuffix = ".absent";

    /// <summary>Copies <paramref name="path"/> (or records its absence) and returns the backup's path.</summary>
    public string Create(string path)
    {
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var exists = File.Exists(path);
        var backup = $"{path}{Infix}{stamp}{(exists ? "" : AbsentSuffix)}";
        // Two setups in the same millisecond must not overwrite each other's backup.
        for (var n = 1; File.Exists(backup) || File.Exists(backup + AbsentSuffix); n++)
            backup = $"{path}{Infix}{stamp}-{n:D3}{(exists ? "" : AbsentSuffix)}";
        if (exists) File.Copy(path, backup, overwrite: false);
        else AtomicFile.WriteAllText(backup, "");
        if (exists && !OperatingSystem.IsWindows()) File.SetUnixFileMode(backup, File.GetUnixFileMode(path));
        return backup;
    }

    /// <summary>The newest backup of <paramref name="path"/>, or null when there is none.</summary>
    public static string? Latest(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory)) return null;
        var prefix = Path.GetFileName(full) + Infix;
        // The stamp sorts as text; a collision counter (-001) sorts after the plain stamp of the same millisecond.
        return Directory.EnumerateFiles(directory, prefix + "*")
            .Where(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal) && !f.EndsWith(".tmp", StringComparison.Ordinal))
            .OrderBy(f => Path.GetFileName(f)[prefix.Length..].Replace(AbsentSuffix, "", StringComparison.Ordinal), StringComparer.Ordinal)
            .LastOrDefault();
    }

    public static bool RecordsAbsence(string backup) => backup.EndsWith(AbsentSuffix, StringComparison.Ordinal);
}
