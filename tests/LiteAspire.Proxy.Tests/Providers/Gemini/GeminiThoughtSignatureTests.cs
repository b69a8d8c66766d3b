using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Gemini;
using static LiteAspire.Proxy.Tests.Providers.Gemini.GoogleTestData;

namespace LiteAspire.Proxy.Tests.Providers.Gemini;

public class GeminiThoughtSignatureTests
{
    [Fact]
    public void FunctionCallWithSignature_RoundTripsThroughTheToolCallId()
    {
        var call = Call("""{"model":"gemini-3-pro-preview","messages":[{"role":"user","content":"Weather in Paris?"}]}""");
        var upstream = JsonNode.Parse("""
            {"candidates":[{"content":{"role":"model","parts":[
              {"functionCall":{"name":"get_weather","args":{"city":"Paris"}},"thoughtSignature":"CiQBVKhc7oQ3sig=="}]},"finishReason":"STOP"}]}
            """)!;

        var toolCall = GeminiResponse.Translate(upstream, call, "gemini")["choices"]![0]!["message"]!["tool_calls"]![0]!;
        var id = toolCall["id"]!.GetValue<string>();
        var next = Call($$$"""
            {"model":"gemini-3-pro-preview","messages":[{"role":"user","content":"Weather in Paris?"},
              {"role":"assistant","content":null,"tool_calls":[{"id":"{{{id}}}","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},
              {"role":"tool","tool_call_id":"{{{id}}}","content":"sunny"}]}
            """);
        var body = GeminiRequest.Translate(next, "gemini");

        Assert.StartsWith("call_", id, StringComparison.Ordinal);
        AssertJsonEqual(JsonNode.Parse("""{"functionCall":{"name":"get_weather","args":{"city":"Paris"}},"thoughtSignature":"CiQBVKhc7oQ3sig=="}""")!,
            body["contents"]![1]!["parts"]![0]);
        Assert.Equal("get_weather", body["contents"]![2]!["parts"]![0]!["functionResponse"]!["name"]!.GetValue<string>());
    }
}
