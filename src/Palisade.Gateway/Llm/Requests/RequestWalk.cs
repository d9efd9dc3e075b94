using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Palisade.Gateway.Llm.Requests;

/// <summary>
/// Walks a request body keeping the keys and indexes from the root to where it is: each field found gets them, so a
/// redaction can find its way back, and its path (<c>messages[2].content[0].text</c>) is written from them.
/// </summary>
internal sealed class RequestWalk(List<RequestField> fields)
{
    private readonly List<object> _steps = [];

    public Step Enter(object step)
    {
        _steps.Add(step);
        return new Step(_steps);
    }

    public readonly struct Step(List<object> steps) : IDisposable
    {
        public void Dispose() => steps.RemoveAt(steps.Count - 1);
    }

    /// <summary>Each object of the array under <paramref name="key"/>, with the walk inside it; other items are skipped.</summary>
    public void Objects(JsonElement parent, string key, Action<JsonElement> visit)
    {
        if (!parent.TryGetProperty(key, out var array) || array.ValueKind != JsonValueKind.Array) return;
        using var scope = Enter(key);
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            using var at = Enter(i++);
            if (item.ValueKind == JsonValueKind.Object) visit(item);
        }
    }

    public void Text(JsonElement parent, string key, FieldRole role)
    {
        if (parent.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String) Add(v.GetString()!, role, key);
    }

    /// <summary>A message content: a string, or an array of parts whose <c>text</c> strings are read (images and files are not text).</summary>
    public void Content(JsonElement parent, string key, FieldRole role)
    {
        if (!parent.TryGetProperty(key, out var content)) return;
        if (content.ValueKind == JsonValueKind.String)
        {
            Add(content.GetString()!, role, key);
            return;
        }
        if (content.ValueKind != JsonValueKind.Array) return;
        using var scope = Enter(key);
        var j = 0;
        foreach (var part in content.EnumerateArray())
        {
            var index = j++;
            if (part.ValueKind == JsonValueKind.String) Add(part.GetString()!, role, index);
            else if (part.ValueKind == JsonValueKind.Object)
                using (Enter(index)) Text(part, "text", role);
        }
    }

    /// <summary>Every string under <paramref name="node"/> (tool definitions, unknown request shapes).</summary>
    public void Strings(JsonElement node, FieldRole role)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in node.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.String) Add(p.Value.GetString()!, role, p.Name);
                    else using (Enter(p.Name)) Strings(p.Value, role);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in node.EnumerateArray())
                {
                    var index = i++;
                    if (item.ValueKind == JsonValueKind.String) Add(item.GetString()!, role, index);
                    else using (Enter(index)) Strings(item, role);
                }
                break;
        }
    }

    private void Add(string text, FieldRole role, object last)
    {
        var steps = new object[_steps.Count + 1];
        _steps.CopyTo(steps);
        steps[^1] = last;
        fields.Add(new RequestField(PathOf(steps), text, role, steps));
    }

    private static string PathOf(object[] steps)
    {
        var path = new StringBuilder();
        foreach (var step in steps)
        {
            if (step is int index) path.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            else path.Append(path.Length == 0 ? "" : ".").Append((string)step);
        }
        return path.ToString();
    }
}
