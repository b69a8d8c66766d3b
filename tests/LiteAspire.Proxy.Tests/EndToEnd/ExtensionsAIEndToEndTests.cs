using Microsoft.Extensions.AI;

using OpenAI.Chat;

using ChatFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using OpenAI.Embeddings;

namespace LiteAspire.Proxy.Tests.EndToEnd;

/// <summary>Microsoft.Extensions.AI's <see cref="IChatClient"/> (over the OpenAI SDK) against every native provider through the proxy.</summary>
[Collection(EndToEndProxy.Name)]
public sealed class ExtensionsAIEndToEndTests(EndToEndFixture fixture) : IDisposable
{
    private const string Prompt = "hello from Extensions.AI";

    private readonly HttpClient _proxy = fixture.Proxy.CreateClient();

    public void Dispose() => _proxy.Dispose();

    [Theory]
    [MemberData(nameof(NativeProviders.Chat), MemberType = typeof(NativeProviders))]
    public async Task GetResponse_NativeProvider_ReturnsFakeTextAndUsage(string provider)
    {
        using var client = ChatClient(provider);

        var response = await client.GetResponseAsync(Prompt);

        Assert.Equal(ProxyClients.FakeReplyPrefix + Prompt, response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.True(response.Usage?.InputTokenCount > 0);
        Assert.True(response.Usage?.OutputTokenCount > 0);
    }

    [Theory]
    [MemberData(nameof(NativeProviders.Chat), MemberType = typeof(NativeProviders))]
    public async Task GetStreamingResponse_NativeProvider_AssemblesFakeText(string provider)
    {
        using var client = ChatClient(provider);
        var updates = new List<ChatResponseUpdate>();

        await foreach (var update in client.GetStreamingResponseAsync(Prompt))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.True(updates.Count >= 3, $"expected several stream updates, got {updates.Count}");
        Assert.Equal(ProxyClients.FakeReplyPrefix + Prompt, response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.True(response.Usage?.OutputTokenCount > 0);
    }

    [Theory]
    [MemberData(nameof(NativeProviders.Chat), MemberType = typeof(NativeProviders))]
    public async Task FunctionInvocation_NativeProvider_InvokesAIFunctionThenAnswers(string provider)
    {
        var invocations = 0;
        // The fake calls with arguments {}: the parameter needs a default to bind.
        string GetWeather(string location = "Paris")
        {
            Interlocked.Increment(ref invocations);
            return $"sunny in {location}";
        }

        var weather = AIFunctionFactory.Create(GetWeather, "get_weather", "Current weather for a city");
        // One round: the middleware invokes the call, then asks once more without tools, so the turn ends on text
        // (the fake, unlike a model, calls a tool whenever one is offered).
        using var client = ChatClient(provider).AsBuilder()
            .UseFunctionInvocation(configure: invoking => invoking.MaximumIterationsPerRequest = 1)
            .Build();

        var response = await client.GetResponseAsync("What is the weather in Paris?", new ChatOptions { Tools = [weather] });

        Assert.Equal(1, invocations);
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("get_weather", call.Name);
        var result = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>());
        Assert.Equal(call.CallId, result.CallId);
        Assert.StartsWith(ProxyClients.FakeReplyAfterTool, response.Messages[^1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NativeProviders.Chat), MemberType = typeof(NativeProviders))]
    public async Task StreamingFunctionInvocation_NativeProvider_InvokesAIFunctionThenStreamsAnswer(string provider)
    {
        var invocations = 0;
        string GetWeather(string location = "Paris")
        {
            Interlocked.Increment(ref invocations);
            return $"sunny in {location}";
        }

        var weather = AIFunctionFactory.Create(GetWeather, "get_weather", "Current weather for a city");
        using var client = ChatClient(provider).AsBuilder()
            .UseFunctionInvocation(configure: invoking => invoking.MaximumIterationsPerRequest = 1)
            .Build();
        var updates = new List<ChatResponseUpdate>();

        await foreach (var update in client.GetStreamingResponseAsync("What is the weather in Paris?", new ChatOptions { Tools = [weather] }))
        {
            updates.Add(update);
        }

        Assert.Equal(1, invocations);
        var response = updates.ToChatResponse();
        Assert.Equal("get_weather", Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()).Name);
        Assert.StartsWith(ProxyClients.FakeReplyAfterTool, response.Messages[^1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NativeProviders.BatchEmbeddings), MemberType = typeof(NativeProviders))]
    public async Task EmbeddingGenerator_NativeProvider_ReturnsVectors(string provider)
    {
        using var generator = new EmbeddingClient(NativeProviders.Get(provider).EmbeddingModel, ProxyClients.Key, ProxyClients.OpenAIOptions(_proxy))
            .AsIEmbeddingGenerator();

        var embeddings = await generator.GenerateAsync(["one", "two", "three"]);

        Assert.Equal(3, embeddings.Count);
        Assert.All(embeddings, e => Assert.False(e.Vector.IsEmpty));
    }

    private IChatClient ChatClient(string provider) =>
        new OpenAI.Chat.ChatClient(NativeProviders.Get(provider).ChatModel, ProxyClients.Key, ProxyClients.OpenAIOptions(_proxy)).AsIChatClient();
}
