using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Palisade.Cli.Setup;

/// <summary>Reads and writes a JSON settings file as a tree, so keys Palisade does not know survive an edit untouched.</summary>
public static class JsonConfigFile
{
    /// <summary>The file's root object; an empty object when the file does not exist or is blank.</summary>
    public static JsonObject Read(string path, out string originalText)
    {
        originalText = File.Exists(path) ? File.ReadAllText(path) : "";
        if (string.IsNullOrWhiteSpace(originalText)) return new JsonObject();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(originalText, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            // Comments would be lost on rewrite, so they are refused like any other syntax error rather than silently dropped.
            throw new SetupException($"{path} is not plain JSON ({e.Message.TrimEnd('.')}); fix it or move it aside, then run setup again.", e);
        }
        return root as JsonObject
            ?? throw new SetupException($"{path} holds a JSON {root?.GetValueKind().ToString().ToLowerInvariant() ?? "null"}, not an object; fix it or move it aside, then run setup again.");
    }

    /// <summary>Serializes <paramref name="root"/> in the indentation the original file used (two spaces for a new file).</summary>
    public static string Format(JsonObject root, string originalText)
    {
        var (indentChar, indentSize) = DetectIndent(originalText);
        var options = new JsonWriterOptions
        {
            Indented = true,
            IndentCharacter = indentChar,
            IndentSize = indentSize,
            // Settings files are read by people and by the agents' own loaders, not by browsers: keep them readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using var ms = new MemoryStream();
        using (var writer = new Utf8JsonWriter(ms, options)) root.WriteTo(writer);
        var text = Encoding.UTF8.GetString(ms.ToArray());
        var newline = originalText.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        if (newline != "\n") text = text.Replace("\n", newline, StringComparison.Ordinal);
        return text + newline;
    }

    private static (char Char, int Size) DetectIndent(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var width = 0;
            while (width < line.Length && (line[width] == ' ' || line[width] == '\t')) width++;
            if (width == 0 || width == line.Length) continue;
            return line[0] == '\t' ? ('\t', 1) : (' ', Math.Clamp(width, 1, 8));
        }
        return (' ', 2);
    }

    /// <summary>The object under <paramref name="key"/>, created when missing; an error if the key holds something else.</summary>
    public static JsonObject GetOrAddObject(JsonObject parent, string key, string path)
    {
        if (parent[key] is null) parent[key] = new JsonObject();
        return parent[key] as JsonObject
            ?? throw new SetupException($"{path}: \"{key}\" is a JSON {parent[key]!.GetValueKind().ToString().ToLowerInvariant()}, not an object; fix it by hand, then run setup again.");
    }

    /// <summary>The array under <paramref name="key"/>, created when missing; an error if the key holds something else.</summary>
    public static JsonArray GetOrAddArray(JsonObject parent, string key, string path)
    {
        if (parent[key] is null) parent[key] = new JsonArray();
        return parent[key] as JsonArray
            ?? throw new SetupException($"{path}: \"{key}\" is a JSON {parent[key]!.GetValueKind().ToString().ToLowerInvariant()}, not an array; fix it by hand, then run setup again.");
    }
}
