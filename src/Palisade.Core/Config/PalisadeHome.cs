namespace Palisade.Core.Config;

/// <summary>Where Palisade keeps its state: <c>$PALISADE_HOME</c>, or <c>~/.palisade</c>.</summary>
public sealed record PalisadeHome(string Root)
{
    public static PalisadeHome FromEnvironment()
    {
        var env = Environment.GetEnvironmentVariable("PALISADE_HOME");
        if (!string.IsNullOrWhiteSpace(env)) return new PalisadeHome(Path.GetFullPath(env));
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new PalisadeHome(Path.Combine(string.IsNullOrEmpty(home) ? "." : home, ".palisade"));
    }

    public string ConfigFile => Path.Combine(Root, "config.yaml");
    public string KeysDirectory => Path.Combine(Root, "keys");
    public string AuditDirectory => Path.Combine(Root, "audit");
    public string StateDatabase => Path.Combine(Root, "state.db");

    /// <summary>Creates a directory readable only by its owner (0700 on Unix).</summary>
    public static void EnsurePrivateDirectory(string path)
    {
        if (Directory.Exists(path)) return;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Reads a key file, or creates it (0600) with <paramref name="create"/>'s bytes on first use.</summary>
    public static byte[] ReadOrCreateSecretFile(string path, Func<byte[]> create)
    {
        if (File.Exists(path)) return File.ReadAllBytes(path);
        EnsurePrivateDirectory(Path.GetDirectoryName(path)!);
        var bytes = create();
        // Written under a temporary name and moved into place (no overwrite), so a process racing us never
        // reads a key file that exists but is still empty or half-written.
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var fs = new FileStream(temp, options))
        {
            fs.Write(bytes);
            fs.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            File.Delete(temp);
            return File.ReadAllBytes(path);
        }
        return bytes;
    }
}
