using System.ClientModel;
using System.ClientModel.Primitives;

using Microsoft.Extensions.AI;

using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace LiteAspire.Proxy.Tests.Endpoints;

/// <summary>The official OpenAI .NET SDK (and Microsoft.Extensions.AI over it) pointed at the proxy, as users do.</summary>
[Collection(SharedGateway.Name)]
public sealed class OpenAISdkTests : IDisposable
{
    private readonly GatewayFixture _gateway;
    private readonly HttpClient _http;
    private readonly OpenAIClientOptions _options;
    private readonly ApiKeyCredential _key = new(GatewayFixture.MasterKey);

    public OpenAISdkTests(GatewayFixture gateway)
    {
        _gateway = gateway;
        gateway.Upstream.Reset();
        _http = gateway.Factory.CreateClient();
        _options = new OpenAIClientOptions
        {
            Endpoint = new Uri(_http.BaseAddress!, "v1"),
            Transport = new HttpClientPipelineTransport(_http),
            // The router owns retries; the SDK's would hide a failing test behind three attempts.
            RetryPolicy = new ClientRetryPolicy(0),
        };
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Sdk_CompleteChat_ReturnsText()
    {
        var client = new ChatClient("gpt-4o", _key, _options);

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage("hello sdk")]);

        Assert.Equal("echo: hello sdk", completion.Content[0].Text);
        Assert.Equal(OpenAI.Chat.ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(13, completion.Usage.TotalTokenCount);
    }

    [Fact]
    public async Task Sdk_CompleteChatStreaming_AssemblesTextAndUsage()
    {
        var client = new ChatClient("gpt-4o", _key, _options);
        var text = "";
        ChatTokenUsage? usage = null;

        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("stream please")]))
        {
            foreach (var part in update.ContentUpdate)
            {
                text += part.Text;
            }

            usage ??= update.Usage;
        }

        Assert.Equal("Hello world", text);
        Assert.Equal(13, usage?.TotalTokenCount);
    }

    [Fact]
    public async Task Sdk_Tools_RoundTripsToolCallAndResult()
    {
        var client = new ChatClient("gpt-4o", _key, _options);
        var tool = ChatTool.CreateFunctionTool("get_weather", "Weather for a city",
            BinaryData.FromString("""{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}"""));
        var options = new ChatCompletionOptions { Tools = { tool } };
        List<OpenAI.Chat.ChatMessage> messages = [new UserChatMessage("weather in Paris?")];

        ChatCompletion first = await client.CompleteChatAsync(messages, options);

        Assert.Equal(OpenAI.Chat.ChatFinishReason.ToolCalls, first.FinishReason);
        var call = Assert.Single(first.ToolCalls);
        Assert.Equal("get_weather", call.FunctionName);
        Assert.Equal("Paris", System.Text.Json.JsonDocument.Parse(call.FunctionArguments).RootElement.GetProperty("location").GetString());

        messages.Add(new AssistantChatMessage(first));
        messages.Add(new ToolChatMessage(call.Id, "sunny"));
        ChatCompletion second = await client.CompleteChatAsync(messages, options);

        Assert.Equal("echo: sunny", second.Content[0].Text);
    }

    [Fact]
    public async Task Sdk_Embeddings_ReturnsVector()
    {
        var client = new EmbeddingClient("text-embedding-3-small", _key, _options);

        OpenAIEmbedding embedding = await client.GenerateEmbeddingAsync("embed me");

        Assert.Equal([0.1f, 0.2f, 0.3f], embedding.ToFloats().ToArray());
        Assert.Equal("/v1/embeddings", _gateway.Upstream.LastRequest.Path);
    }

    [Fact]
    public async Task ExtensionsAI_ChatClient_GetsResponseAndStream()
    {
        IChatClient client = new ChatClient("gpt-4o", _key, _options).AsIChatClient();

        var response = await client.GetResponseAsync("hello meai");
        var streamed = "";
        await foreach (var update in client.GetStreamingResponseAsync("stream meai"))
        {
            streamed += update.Text;
        }

        Assert.Equal("echo: hello meai", response.Text);
        Assert.Equal("Hello world", streamed);
    }

    [Fact]
    public async Task Sdk_UnknownModel_ThrowsClientResultExceptionWith400()
    {
        var client = new ChatClient("no-such-model", _key, _options);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync([new UserChatMessage("x")]));

        Assert.Equal(400, error.Status);
        Assert.Contains("Invalid model name passed in model=no-such-model", error.Message, StringComparison.Ordinal);
    }
}
