using System.Text;

namespace Palisade.Cli.Input;

/// <summary>
/// Reads input without trusting its size: <c>cat /dev/zero | palisade scan</c> must not take all the machine's memory.
/// What is over the limit is not kept; the engine blocks a field over its limit in enforce.
/// </summary>
public static class BoundedInput
{
    /// <summary>At most <paramref name="maxChars"/> characters: the whole input when it fits, else its first <paramref name="maxChars"/>.</summary>
    public static string ReadAtMost(TextReader reader, int maxChars)
    {
        var text = new StringBuilder();
        var buffer = new char[64 * 1024];
        int n;
        while (text.Length < maxChars && (n = reader.Read(buffer, 0, Math.Min(buffer.Length, maxChars - text.Length))) > 0)
            text.Append(buffer, 0, n);
        return text.ToString();
    }
}
