using System.Text.Json;

using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace LiteAspire.Proxy.Tests.EndToEnd;

/// <summary>The official OpenAI .NET SDK against every native provider: proxy → adapter → the fake's native wire format and back.</summary>
[Collection(EndToEndProxy.Name)]
public sealed class OpenAISdkEndToEndTests(EndToEndFixture fixture) : IDisposable
{
    private const string Prompt = "hello from the OpenAI SDK";

    private readonly HttpClient _proxy = fixture.Proxy.CreateClient();

    public void Dispose() => _proxy.Dispose();

    [Theory]
    [MemberData(nameof(NativeProviders.Chat), MemberType = typeof(NativeProviders))]
    public async Task CompleteChat_NativeProvider_ReturnsFakeTextAndUsage(string provider)
    {
        var client = Chat(provider);

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage(Prompt)]);

        Assert.Equal(ProxyClients.FakeReplyPrefix + Prompt, Assert.Single(completion.Content).Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(ChatMessageRole.Assistant, completion.Role);
        Assert.True(completion.Usage.InputTokenCount > 0);
        Assert.True(completion.Usage.OutputTokenCount > 0);
        Assert.Equal(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount);
    }

    [Theory]
    [MemberData(nameof(NativeProviders.Chat), MemberType = typeof(NativeProviders))]
    public async Task CompleteChatStreaming_NativeProvider_AssemblesSameTextAsNonStream(string provider)
    {
        var client = Chat(provider);
        ChatCompletion whole = await client.CompleteChatAsync([new UserChatMessage(Prompt)]);
        var text = "";
        var updates = 0;
        ChatFinishReason? finish = null;
        ChatTokenUsage? usage = null;

        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage(Prompt)]))
        {
            updates++;
            foreach (var part in update.ContentUpdate)
            {
                text += part.Text;
            }

            finish ??= update.FinishReason;
            usage ??= update.Usage;
        }

        Assert.True(updates >= 3, $"expected several stream updates, got {updates}");
        Assert.Equal(whole.Content[0].Text, text);
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.NotNull(usage);
        Assert.True(usage.OutputTokenCount > 0);
    }

    [Theory]
    [MemberData(nameof(NativeProviders.Chat), MemberType = typeof(NativeProviders))]
    public async Task CompleteChat_FunctionTool_CallsToolThenAnswersFromResult(string provider)
    {
        var client = Chat(provider);
        var tool = ChatTool.CreateFunctionTool("get_weather", "Current weather for a city",
            BinaryData.FromString("""{"type":"object","properties":{"location":{"type":"string"}}}"""));
        List<ChatMessage> messages = [new UserChatMessage("What is the weather in Paris?")];

        ChatCompletion first = await client.CompleteChatAsync(messages, new ChatCompletionOptions { Tools = { tool } });

        Assert.Equal(ChatFinishReason.ToolCalls, first.FinishReason);
        var call = Assert.Single(first.ToolCalls);
        Assert.Equal("get_weather", call.FunctionName);
        Assert.False(string.IsNullOrEmpty(call.Id));
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(call.FunctionArguments).RootElement.ValueKind);

        messages.Add(new AssistantChatMessage(first));
        messages.Add(new ToolChatMessage(call.Id, "sunny, 21 C"));
        // The fake calls a tool whenever one is offered and allowed; "none" (or no tools) asks for the answer, as a model would give it.
        var answerOptions = new ChatCompletionOptions();
        if (NativeProviders.Get(provider).ToolChoiceNone)
        {
            answerOptions.Tools.Add(tool);
            answerOptions.ToolChoice = ChatToolChoice.CreateNoneChoice();
        }

        ChatCompletion second = await client.CompleteChatAsync(messages, answerOptions);

        Assert.Equal(ChatFinishReason.Stop, second.FinishReason);
        Assert.Empty(second.ToolCalls);
        Assert.StartsWith(ProxyClients.FakeReplyAfterTool, second.Content[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NativeProviders.Chat), MemberType = typeof(NativeProviders))]
    public async Task CompleteChatStreaming_FunctionTool_StreamsToolCall(string provider)
    {
        var client = Chat(provider);
        var tool = ChatTool.CreateFunctionTool("get_weather", "Current weather for a city",
            BinaryData.FromString("""{"type":"object","properties":{"location":{"type":"string"}}}"""));
        string? name = null;
        string? id = null;
        var arguments = "";
        ChatFinishReason? finish = null;

        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("What is the weather in Paris?")], new ChatCompletionOptions { Tools = { tool } }))
        {
            foreach (var call in update.ToolCallUpdates)
            {
                Assert.Equal(0, call.Index);
                name ??= call.FunctionName;
                id ??= call.ToolCallId;
                arguments += call.FunctionArgumentsUpdate?.ToString();
            }

            finish ??= update.FinishReason;
        }

        Assert.Equal("get_weather", name);
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(arguments).RootElement.ValueKind);
        Assert.Equal(ChatFinishReason.ToolCalls, finish);
    }

    [Theory]
    [MemberData(nameof(NativeProviders.Embeddings), MemberType = typeof(NativeProviders))]
    public async Task GenerateEmbedding_NativeProvider_ReturnsUnitVector(string provider)
    {
        var client = Embeddings(provider);

        OpenAIEmbedding embedding = await client.GenerateEmbeddingAsync("embed this text");

        var vector = embedding.ToFloats().ToArray();
        Assert.NotEmpty(vector);
        // The fake's vectors are unit length: a lossy conversion on the way (float ↔ base64) would show here.
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 3);
    }

    [Theory]
    [MemberData(nameof(NativeProviders.BatchEmbeddings), MemberType = typeof(NativeProviders))]
    public async Task GenerateEmbeddings_NativeProvider_ReturnsOneUnitVectorPerInput(string provider)
    {
        var client = Embeddings(provider);

        OpenAIEmbeddingCollection embeddings = await client.GenerateEmbeddingsAsync(["first text", "second text"]);

        Assert.Equal(2, embeddings.Count);
        Assert.Equal(0, embeddings[0].Index);
        Assert.Equal(1, embeddings[1].Index);
        var first = embeddings[0].ToFloats().ToArray();
        var second = embeddings[1].ToFloats().ToArray();
        Assert.NotEmpty(first);
        Assert.Equal(first.Length, second.Length);
        Assert.NotEqual(first, second);
        // The fake's vectors are unit length: a lossy conversion on the way (float ↔ base64) would show here.
        Assert.Equal(1.0, Math.Sqrt(first.Sum(x => (double)x * x)), 3);
    }

    private EmbeddingClient Embeddings(string provider) =>
        new(NativeProviders.Get(provider).EmbeddingModel, ProxyClients.Key, ProxyClients.OpenAIOptions(_proxy));

    private ChatClient Chat(string provider) =>
        new(NativeProviders.Get(provider).ChatModel, ProxyClients.Key, ProxyClients.OpenAIOptions(_proxy));
}
