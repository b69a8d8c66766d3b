using System.Text.Json;

using Anthropic;
using Anthropic.Core;
using Anthropic.Models.Messages;

namespace LiteAspire.Proxy.Tests.EndToEnd;

/// <summary>The official Anthropic .NET SDK (NuGet <c>Anthropic</c>) on the proxy's <c>/v1/messages</c>, against every native provider.</summary>
[Collection(EndToEndProxy.Name)]
public sealed class AnthropicSdkEndToEndTests(EndToEndFixture fixture) : IDisposable
{
    private const string Prompt = "hello from the Anthropic SDK";

    private readonly HttpClient _proxy = fixture.Proxy.CreateClient();

    public void Dispose() => _proxy.Dispose();

    [Theory]
    [MemberData(nameof(NativeProviders.Chat), MemberType = typeof(NativeProviders))]
    public async Task MessagesCreate_NativeProvider_ReturnsFakeTextAndUsage(string provider)
    {
        var message = await Client().Messages.Create(Params(provider, [new UserMessageParam(Prompt)]));

        Assert.Equal(ProxyClients.FakeReplyPrefix + Prompt, TextOf(message));
        Assert.Equal(StopReason.EndTurn, Stop(message.StopReason));
        Assert.True(message.Usage.InputTokens > 0);
        Assert.True(message.Usage.OutputTokens > 0);
    }

    [Theory]
    [MemberData(nameof(NativeProviders.Chat), MemberType = typeof(NativeProviders))]
    public async Task MessagesCreateStreaming_NativeProvider_AssemblesFakeText(string provider)
    {
        var text = "";
        var deltas = 0;
        StopReason? stop = null;
        long outputTokens = 0;

        await foreach (var streamEvent in Client().Messages.CreateStreaming(Params(provider, [new UserMessageParam(Prompt)])))
        {
            if (streamEvent.TryPickContentBlockDelta(out var blockDelta) && blockDelta.Delta.TryPickText(out var textDelta))
            {
                deltas++;
                text += textDelta.Text;
            }
            else if (streamEvent.TryPickDelta(out var messageDelta))
            {
                stop = Stop(messageDelta.Delta.StopReason);
                outputTokens = messageDelta.Usage.OutputTokens;
            }
        }

        Assert.True(deltas >= 3, $"expected several text deltas, got {deltas}");
        Assert.Equal(ProxyClients.FakeReplyPrefix + Prompt, text);
        Assert.Equal(StopReason.EndTurn, stop);
        Assert.True(outputTokens > 0);
    }

    [Theory]
    [MemberData(nameof(NativeProviders.Chat), MemberType = typeof(NativeProviders))]
    public async Task MessagesCreate_Tool_ReturnsToolUseThenAnswersToolResult(string provider)
    {
        var client = Client();
        var tool = new Tool
        {
            Name = "get_weather",
            Description = "Current weather for a city",
            InputSchema = new InputSchema
            {
                Properties = new Dictionary<string, JsonElement> { ["location"] = JsonSerializer.SerializeToElement(new { type = "string" }) },
            },
        };
        MessageParam question = new UserMessageParam("What is the weather in Paris?");
        var first = await client.Messages.Create(Params(provider, [question]) with { Tools = [tool] });

        Assert.Equal(StopReason.ToolUse, Stop(first.StopReason));
        var use = Assert.Single(first.Content.Select(b => b.TryPickToolUse(out var u) ? u : null).OfType<ToolUseBlock>());
        Assert.Equal("get_weather", use.Name);
        Assert.False(string.IsNullOrEmpty(use.ID));

        MessageParam assistant = new AssistantMessageParam { Content = new List<ContentBlockParam> { new ToolUseBlockParam { ID = use.ID, Name = use.Name, Input = use.Input } } };
        MessageParam result = new UserMessageParam { Content = new List<ContentBlockParam> { new ToolResultBlockParam { ToolUseID = use.ID, Content = "sunny, 21 C" } } };
        // The fake calls a tool whenever one is offered and allowed; "none" (or no tools) asks for the answer, as a model would give it.
        var answer = Params(provider, [question, assistant, result]);
        var second = await client.Messages.Create(NativeProviders.Get(provider).ToolChoiceNone ? answer with { Tools = [tool], ToolChoice = new ToolChoiceNone() } : answer);

        Assert.Equal(StopReason.EndTurn, Stop(second.StopReason));
        Assert.StartsWith(ProxyClients.FakeReplyAfterTool, TextOf(second), StringComparison.Ordinal);
    }

    private AnthropicClient Client() => new()
    {
        HttpClient = _proxy,
        BaseUrl = _proxy.BaseAddress!.ToString().TrimEnd('/'),
        // Authorization: Bearer, as current official Anthropic SDKs send a key that is not Anthropic's own.
        AuthToken = EndToEndFixture.MasterKey,
        MaxRetries = 0,
    };

    private static MessageCreateParams Params(string provider, List<MessageParam> messages) => new()
    {
        Model = NativeProviders.Get(provider).ChatModel,
        MaxTokens = 256,
        Messages = messages,
    };

    private static StopReason? Stop(ApiEnum<string, StopReason>? reason) => reason is null ? null : (StopReason)reason;

    private static string TextOf(Message message) =>
        string.Concat(message.Content.Select(block => block.TryPickText(out var text) ? text.Text : ""));
}
