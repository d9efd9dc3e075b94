using Palisade.Cli;

namespace Palisade.Tests.Support;

/// <summary>Runs the real <c>palisade</c> command line in process, with its own streams and its own <c>$PALISADE_HOME</c>.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    private static readonly object EnvLock = new();

    public static Result Run(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Run(args, new CliConsole(new StringReader(stdin), output, error));
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>A fresh, empty state directory for one test; removed when disposed.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("palisade-test-").FullName;
        public string File(string name) => System.IO.Path.Combine(Path, name);
        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
        }
    }
}
