using System.Text.Encodings.Web;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

// Packs every YAML file under a rules directory into one JSON document that keeps the YAML's shape and nothing of its
// meaning: a mapping becomes an object whose "@" member is the line it starts on, a list an array, a scalar its text.
// Palisade.Core reads that document with the same rule reader as the YAML (RuleFileReader), so the YAML stays the one
// source of truth and the engine starts without a YAML parser. Usage: RuleCatalogPacker RULES_DIR OUTPUT_JSON
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: RuleCatalogPacker RULES_DIR OUTPUT_JSON");
    return 2;
}
var rulesDir = Path.GetFullPath(args[0]);
var files = Directory.EnumerateFiles(rulesDir, "*.yaml", SearchOption.AllDirectories)
    .Select(f => (Name: "rules/" + Path.GetRelativePath(rulesDir, f).Replace('\\', '/'), Path: f))
    .OrderBy(f => f.Name, StringComparer.Ordinal)
    .ToArray();
var buffer = new MemoryStream();
using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
{
    json.WriteStartObject();
    foreach (var (name, path) in files)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException e)
        {
            // MSBuild shows this canonical form as an error pointing at the file.
            Console.Error.WriteLine($"{path}({e.Start.Line},{e.Start.Column}): error PAL0001: YAML syntax error: {e.InnerException?.Message ?? e.Message}");
            return 1;
        }
        if (stream.Documents.Count > 1)
        {
            Console.Error.WriteLine($"{path}(1,1): error PAL0002: expected one YAML document, found {stream.Documents.Count}.");
            return 1;
        }
        json.WritePropertyName(name);
        if (stream.Documents.Count == 0) WriteMapping(json, new YamlMappingNode());
        else Write(json, stream.Documents[0].RootNode);
    }
    json.WriteEndObject();
}
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
var bytes = buffer.ToArray();
// Rewrite only on change, so the incremental build does not embed the resource again for nothing.
if (!File.Exists(args[1]) || !File.ReadAllBytes(args[1]).AsSpan().SequenceEqual(bytes)) File.WriteAllBytes(args[1], bytes);
Console.WriteLine($"RuleCatalogPacker: {files.Length} rule files -> {args[1]} ({bytes.Length / 1024} KB)");
return 0;

static void Write(Utf8JsonWriter json, YamlNode node)
{
    switch (node)
    {
        case YamlMappingNode map:
            WriteMapping(json, map);
            break;
        case YamlSequenceNode seq:
            json.WriteStartArray();
            foreach (var item in seq.Children) Write(json, item);
            json.WriteEndArray();
            break;
        case YamlScalarNode scalar:
            json.WriteStringValue(scalar.Value ?? "");
            break;
        default:
            throw new InvalidOperationException($"line {node.Start.Line}: unsupported YAML node {node.NodeType}.");
    }
}

static void WriteMapping(Utf8JsonWriter json, YamlMappingNode map)
{
    json.WriteStartObject();
    json.WriteNumber("@", map.Start.Line);
    foreach (var (key, value) in map.Children)
    {
        json.WritePropertyName(((YamlScalarNode)key).Value ?? "");
        Write(json, value);
    }
    json.WriteEndObject();
}
