using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Tests.EndToEnd;

/// <summary>
/// <c>/v1/messages</c> called with exactly the headers current official Anthropic SDKs send (<c>authorization: Bearer</c>, an
/// <c>anthropic-version</c> newer than any the gateway knows), streaming and not, against every native provider.
/// </summary>
[Collection(EndToEndProxy.Name)]
public sealed class AnthropicWireEndToEndTests(EndToEndFixture fixture) : IDisposable
{
    private const string Prompt = "hello over the Anthropic wire";

    private readonly HttpClient _proxy = fixture.Proxy.CreateClient();

    public void Dispose() => _proxy.Dispose();

    [Theory]
    [MemberData(nameof(NativeProviders.Chat), MemberType = typeof(NativeProviders))]
    public async Task Messages_CurrentSdkHeaders_ReturnsAnthropicMessage(string provider)
    {
        using var response = await _proxy.SendAsync(Request(provider, stream: false));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var message = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("message", message["type"]!.GetValue<string>());
        Assert.Equal("assistant", message["role"]!.GetValue<string>());
        Assert.Equal(ProxyClients.FakeReplyPrefix + Prompt, message["content"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("end_turn", message["stop_reason"]!.GetValue<string>());
        Assert.True(message["usage"]!["output_tokens"]!.GetValue<int>() > 0);
    }

    [Theory]
    [MemberData(nameof(NativeProviders.Chat), MemberType = typeof(NativeProviders))]
    public async Task Messages_CurrentSdkHeadersStreaming_SendsAnthropicEventsInOrder(string provider)
    {
        using var response = await _proxy.SendAsync(Request(provider, stream: true), HttpCompletionOption.ResponseHeadersRead);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<string>();
        var text = new StringBuilder();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                events.Add(line[7..]);
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && JsonNode.Parse(line[6..]) is JsonObject data
                && data["delta"]?["type"]?.GetValue<string>() == "text_delta")
            {
                text.Append(data["delta"]!["text"]!.GetValue<string>());
            }
        }

        Assert.Equal("message_start", events[0]);
        Assert.Equal("message_stop", events[^1]);
        Assert.Contains("content_block_start", events);
        Assert.Contains("message_delta", events);
        Assert.Equal(ProxyClients.FakeReplyPrefix + Prompt, text.ToString());
    }

    private static HttpRequestMessage Request(string provider, bool stream)
    {
        var body = new JsonObject
        {
            ["model"] = NativeProviders.Get(provider).ChatModel,
            ["max_tokens"] = 256,
            ["stream"] = stream,
            ["messages"] = new JsonArray { new JsonObject { ["role"] = "user", ["content"] = Prompt } },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("v1/messages", UriKind.Relative))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EndToEndFixture.MasterKey);
        request.Headers.Add("anthropic-version", "2026-10-21");
        return request;
    }
}
