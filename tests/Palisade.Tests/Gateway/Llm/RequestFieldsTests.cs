using System.Text.Json;
using System.Text.Json.Nodes;
using Palisade.Gateway.Llm.Providers;
using Palisade.Gateway.Llm.Requests;

namespace Palisade.Tests.Gateway.Llm;

public sealed class RequestFieldsTests
{
    private const string Anthropic = """
        {"model":"claude","system":[{"type":"text","text":"sys"}],"messages":[
          {"role":"user","content":"plain"},
          {"role":"assistant","content":[{"type":"text","text":"a1"},{"type":"tool_use","id":"t","name":"Bash","input":{"command":"ls"}}]},
          {"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":[{"type":"text","text":"out"}]},{"type":"image","source":{"type":"base64","data":"AAAA"}},{"type":"text","text":"u2"}]}],
         "tools":[{"name":"Bash","description":"runs","input_schema":{"type":"object"}}]}
        """;

    private const string Chat = """
        {"model":"gpt","messages":[{"role":"system","content":"sys"},{"role":"user","content":[{"type":"text","text":"u1"},{"type":"image_url","image_url":{"url":"data:x"}}]},
          {"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","tool_call_id":"c","content":"out"}],
         "tools":[{"type":"function","function":{"name":"f","description":"d","parameters":{"type":"object"}}}]}
        """;

    private const string Responses = """
        {"model":"gpt","instructions":"sys","input":[{"role":"user","content":[{"type":"input_text","text":"u1"}]},{"type":"function_call","call_id":"c","name":"f","arguments":"{}"},
          {"type":"function_call_output","call_id":"c","output":"out"}],"tools":[{"type":"function","name":"f","description":"d"}]}
        """;

    public static TheoryData<string, WireProtocol, string[]> Bodies => new()
    {
        { Anthropic, WireProtocol.AnthropicMessages, ["P:system[0].text=sys", "P:messages[0].content=plain", "P:messages[1].content[0].text=a1", "R:messages[2].content[0].content[0].text=out", "P:messages[2].content[2].text=u2", "D:tools[0].name=Bash", "D:tools[0].description=runs", "D:tools[0].input_schema.type=object"] },
        { Chat, WireProtocol.OpenAiChat, ["P:messages[0].content=sys", "P:messages[1].content[0].text=u1", "R:messages[3].content=out", "D:tools[0].type=function", "D:tools[0].function.name=f", "D:tools[0].function.description=d", "D:tools[0].function.parameters.type=object"] },
        { Responses, WireProtocol.OpenAiResponses, ["P:instructions=sys", "P:input[0].content[0].text=u1", "R:input[2].output=out", "D:tools[0].type=function", "D:tools[0].name=f", "D:tools[0].description=d"] },
    };

    private static string Describe(RequestField f) =>
        $"{f.Role switch { FieldRole.ToolResult => "R", FieldRole.ToolDefinition => "D", _ => "P" }}:{f.Path}={f.Text}";

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Finds_the_text_each_protocol_sends_and_replaces_each_string_where_it_was(string body, WireProtocol protocol, string[] expected)
    {
        using var doc = JsonDocument.Parse(body);
        var fields = RequestFields.Find(doc.RootElement, protocol);
        Assert.Equal(expected, fields.Select(Describe));

        for (var i = 0; i < fields.Count; i++)
        {
            var root = JsonNode.Parse(body)!;
            fields[i].Replace(root, "[REDACTED:x]");
            using var again = JsonDocument.Parse(root.ToJsonString());
            var after = RequestFields.Find(again.RootElement, protocol);
            Assert.Equal(fields.Select((f, k) => k == i ? "[REDACTED:x]" : f.Text), after.Select(f => f.Text));
        }
    }
}
