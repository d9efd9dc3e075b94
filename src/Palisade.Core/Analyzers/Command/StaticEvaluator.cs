using System.IO.Compression;
using System.Text;

namespace Palisade.Core.Analyzers.Commands;

/// <summary>
/// Computes what a pipeline of literals and decoders prints, without running anything: <c>echo … | base64 -d</c>,
/// <c>printf '\x63…'</c>, <c>xxd -r -p</c>, <c>rev</c>, <c>tr</c> (rot13), <c>gunzip</c>. This is how a payload
/// hidden behind an encoding is read before it is judged. Null when any stage is not such a command.
/// </summary>
public static class StaticEvaluator
{
    public static string? Evaluate(IReadOnlyList<ArgvCommand> stages, int maxChars)
    {
        if (stages.Count == 0) return null;
        var bytes = Produce(stages[0], maxChars);
        for (var i = 1; i < stages.Count && bytes is not null; i++)
            bytes = Transform(stages[i], bytes, maxChars);
        return bytes is null ? null : Text(bytes, maxChars);
    }

    /// <summary>True when the command only decodes its input: the shape of a hidden payload.</summary>
    public static bool IsDecoder(ArgvCommand c) => c.Program switch
    {
        "base64" or "base32" or "basenc" => c.Args.Any(a => a is "-d" or "--decode" or "-D" || (a.StartsWith('-') && !a.StartsWith("--") && a.Contains('d'))),
        "xxd" => c.Args.Any(a => a.StartsWith('-') && a.Contains('r')),
        "openssl" => c.Args.Contains("-d") && c.Args.Any(a => a is "-base64" or "-a" or "base64"),
        "gunzip" or "zcat" or "uudecode" => true,
        "b64decode" => true,
        "gzip" => c.Args.Any(a => a.StartsWith('-') && a.Contains('d')),
        _ => false,
    };

    private static byte[]? Produce(ArgvCommand c, int max)
    {
        switch (c.Program)
        {
            case "echo":
                return Utf8(Echo(c.Args, max), max);
            case "printf":
                return c.Args.Count == 0 ? null : Utf8(Printf(c.Args, max), max);
            case "which" or "whence" when c.Args.Count > 0 && !c.Args[0].StartsWith('-'):
            case "command" or "type" when c.Args.Count > 1 && c.Args[0] is "-v" or "-p" or "-P":
                // $(which python3) names the program it finds: what matters is which program, not where it lives.
                var name = c.Args.Last(a => !a.StartsWith('-'));
                return name.Contains('$') ? null : Utf8("/usr/bin/" + ArgvNormalizer.Program(name) + "\n", max);
        }
        if (c.StdinContent is { } stdin)
        {
            var input = Utf8(stdin, max);
            return c.Program == "cat" ? input : Transform(c, input, max);
        }
        return null;
    }

    private static byte[]? Transform(ArgvCommand c, byte[] input, int max)
    {
        var args = c.Args;
        switch (c.Program)
        {
            case "cat" when args.Count == 0 || args is ["-"]:
                return input;
            case "base64" or "basenc" when IsDecoder(c):
                return Base64(input, max);
            case "openssl" when IsDecoder(c):
                return Base64(input, max);
            case "b64decode":
                return Base64(input, max);
            case "base32" when IsDecoder(c):
                return Base32(input, max);
            case "xxd" when IsDecoder(c) && args.Any(a => a.Contains('p')):
                return Hex(input, max);
            case "rev":
                return Utf8(string.Join('\n', Text(input, max).Split('\n').Select(l => new string(l.Reverse().ToArray()))), max);
            case "tr" when args.Count == 2:
                return Utf8(Tr(Text(input, max), args[0], args[1]), max);
            case "gunzip" or "zcat":
            case "gzip" when IsDecoder(c):
                return Gunzip(input, max);
            default:
                return null;
        }
    }

    private static string Echo(IReadOnlyList<string> args, int max)
    {
        bool newline = true, escapes = false;
        var i = 0;
        for (; i < args.Count; i++)
        {
            var a = args[i];
            if (a.Length < 2 || a[0] != '-' || a.AsSpan(1).IndexOfAnyExcept("neE") >= 0) break;
            foreach (var f in a.AsSpan(1))
            {
                if (f == 'n') newline = false;
                else escapes = f == 'e';
            }
        }
        var text = string.Join(' ', args.Skip(i));
        if (escapes) text = EscapeDecoder.Decode(text, EscapeStyle.Echo, max);
        return newline ? text + "\n" : text;
    }

    /// <summary><c>printf FORMAT ARGS…</c> with <c>%s %b %c %d %%</c>; the format is reused while arguments remain, as printf does.</summary>
    private static string? Printf(IReadOnlyList<string> args, int max)
    {
        var format = EscapeDecoder.Decode(args[0], EscapeStyle.Printf, max);
        var rest = args.Skip(1).ToList();
        var sb = new StringBuilder();
        var next = 0;
        do
        {
            var consumed = false;
            for (var i = 0; i < format.Length && sb.Length < max; i++)
            {
                if (format[i] != '%' || i + 1 >= format.Length) { sb.Append(format[i]); continue; }
                var j = i + 1;
                while (j < format.Length && (char.IsAsciiDigit(format[j]) || format[j] is '-' or '.' or '+' or ' ' or '#')) j++;
                if (j >= format.Length) return null;
                var conv = format[j];
                var arg = next < rest.Count ? rest[next] : "";
                switch (conv)
                {
                    case '%': sb.Append('%'); break;
                    case 's' or 'd' or 'i' or 'u': sb.Append(arg); next++; consumed = true; break;
                    case 'b': sb.Append(EscapeDecoder.Decode(arg, EscapeStyle.Echo, max)); next++; consumed = true; break;
                    case 'c': if (arg.Length > 0) sb.Append(arg[0]); next++; consumed = true; break;
                    default: return null;
                }
                i = j;
            }
            if (!consumed) break;
        }
        while (next < rest.Count && sb.Length < max);
        return sb.ToString();
    }

    private static string Tr(string input, string from, string to)
    {
        var a = ExpandSet(from);
        var b = ExpandSet(to);
        if (a.Length == 0 || b.Length == 0) return input;
        var map = new Dictionary<char, char>();
        for (var i = 0; i < a.Length; i++) map.TryAdd(a[i], b[Math.Min(i, b.Length - 1)]);
        return string.Concat(input.Select(c => map.GetValueOrDefault(c, c)));
    }

    private static string ExpandSet(string set)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < set.Length && sb.Length < 512; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-' && set[i + 2] >= set[i])
            {
                for (var c = set[i]; c <= set[i + 2] && sb.Length < 512; c++) sb.Append(c);
                i += 2;
            }
            else sb.Append(set[i]);
        }
        return sb.ToString();
    }

    private static byte[]? Base64(byte[] input, int max)
    {
        var chars = new StringBuilder(input.Length);
        foreach (var b in input)
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/') chars.Append(c);
            else if (c is '-') chars.Append('+');
            else if (c is '_') chars.Append('/');
        }
        if (chars.Length % 4 == 1) chars.Length--;
        while (chars.Length % 4 != 0) chars.Append('=');
        try
        {
            var bytes = Convert.FromBase64String(chars.ToString());
            return bytes.Length <= max ? bytes : bytes[..max];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[]? Base32(byte[] input, int max)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var b in input)
        {
            var v = alphabet.IndexOf(char.ToUpperInvariant((char)b));
            if (v < 0) continue;
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
                buffer &= (1 << bits) - 1;
                if (output.Count >= max) break;
            }
        }
        return output.Count == 0 ? null : output.ToArray();
    }

    private static byte[]? Hex(byte[] input, int max)
    {
        var output = new List<byte>();
        var high = -1;
        foreach (var b in input)
        {
            var v = HexValue((char)b);
            if (v < 0) continue;
            if (high < 0) high = v;
            else
            {
                output.Add((byte)(high * 16 + v));
                high = -1;
                if (output.Count >= max) break;
            }
        }
        return output.Count == 0 ? null : output.ToArray();
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static byte[]? Gunzip(byte[] input, int max)
    {
        try
        {
            using var gz = new GZipStream(new MemoryStream(input), CompressionMode.Decompress);
            var buffer = new byte[Math.Min(max, 1 << 20)];
            var total = 0;
            int n;
            while (total < buffer.Length && (n = gz.Read(buffer, total, buffer.Length - total)) > 0) total += n;
            return buffer[..total];
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return null;
        }
    }

    private static byte[] Utf8(string? s, int max)
    {
        s ??= "";
        return Encoding.UTF8.GetBytes(s.Length <= max ? s : s[..max]);
    }

    /// <summary>Decoded bytes as text: UTF-8, or UTF-16LE when that is what they are (PowerShell payloads).</summary>
    public static string Text(byte[] bytes, int max)
    {
        var utf16 = bytes.Length >= 4 && bytes.Length % 2 == 0 && bytes[1] == 0 && bytes[3] == 0;
        var text = utf16 ? Encoding.Unicode.GetString(bytes) : Encoding.UTF8.GetString(bytes);
        return text.Length <= max ? text : text[..max];
    }
}
