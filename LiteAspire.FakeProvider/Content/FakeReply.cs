using System.Globalization;

namespace LiteAspire.FakeProvider.Content;

/// <summary>How a fake reply ended, before each provider names it.</summary>
internal enum FakeFinish
{
    Stop,
    Length,
    ToolCall,
}

/// <summary>
/// The deterministic answer to a chat request: the same input always gives the same text, pieces, tool call and token
/// counts. Prompt tokens = characters / 4 rounded up (at least 1); completion tokens = words of the reply. A
/// <see cref="FakeUsage"/> marker in the last user message sets the usage instead (cache and reasoning tokens, or none).
/// </summary>
internal sealed class FakeReply
{
    public const string Prefix = "This is a fake response to: ";
    public const int EchoLength = 40;
    public const string ToolArguments = "{}";

    private FakeReply(string text, string[] pieces, int promptTokens, int completionTokens, FakeFinish finish, string? toolName, string id)
    {
        Text = text;
        Pieces = pieces;
        PromptTokens = promptTokens;
        CompletionTokens = completionTokens;
        Finish = finish;
        ToolName = toolName;
        Id = id;
    }

    /// <summary>The reply text (empty for a tool call).</summary>
    public string Text { get; }

    /// <summary>The text cut into streamed pieces, one word each with its trailing space; joined they give <see cref="Text"/>.</summary>
    public string[] Pieces { get; }

    public int PromptTokens { get; }

    public int CompletionTokens { get; }

    public int TotalTokens => PromptTokens + CompletionTokens;

    /// <summary>Prompt tokens read from the prompt cache (inside <see cref="PromptTokens"/>).</summary>
    public int CacheReadTokens { get; private init; }

    /// <summary>Prompt tokens written to the prompt cache (inside <see cref="PromptTokens"/>).</summary>
    public int CacheCreationTokens { get; private init; }

    /// <summary>Reasoning tokens (inside <see cref="CompletionTokens"/>).</summary>
    public int ReasoningTokens { get; private init; }

    /// <summary>False when the reply must carry no usage at all (an upstream that does not report it).</summary>
    public bool ReportsUsage { get; private init; } = true;

    /// <summary>Prompt tokens neither read from nor written to the cache: Anthropic's and Bedrock's input tokens.</summary>
    public int UncachedPromptTokens => PromptTokens - CacheReadTokens - CacheCreationTokens;

    public FakeFinish Finish { get; }

    /// <summary>The called tool (arguments are always <see cref="ToolArguments"/>), or null.</summary>
    public string? ToolName { get; }

    /// <summary>A hex id derived from the input, so ids repeat with the input too.</summary>
    public string Id { get; }

    public static FakeReply For(ChatInput input)
    {
        var reply = Compose(input);
        return FakeUsage.Parse(input.LastUserText) is not { } usage
            ? reply
            : new FakeReply(reply.Text, reply.Pieces, usage.Prompt ?? reply.PromptTokens, usage.Completion ?? reply.CompletionTokens, reply.Finish,
                reply.ToolName, reply.Id)
            {
                CacheReadTokens = usage.CacheRead,
                CacheCreationTokens = usage.CacheCreation,
                ReasoningTokens = usage.Reasoning,
                ReportsUsage = !usage.None,
            };
    }

    private static FakeReply Compose(ChatInput input)
    {
        var promptTokens = PromptTokensFor(input.PromptChars);
        var id = FakeIds.Hex(input.Model, input.LastUserText, input.PromptChars);
        if (input.ToolName is { } tool)
        {
            // Tool name and arguments, at four characters a token.
            var toolTokens = Math.Max(1, (tool.Length + ToolArguments.Length + 3) / 4);
            return new FakeReply("", [], promptTokens, toolTokens, FakeFinish.ToolCall, tool, id);
        }

        var echo = input.LastUserText.Length > EchoLength ? input.LastUserText[..EchoLength] : input.LastUserText;
        var words = (Prefix + echo).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var finish = FakeFinish.Stop;
        if (input.MaxTokens is { } max && max >= 1 && max < words.Length)
        {
            words = words[..max];
            finish = FakeFinish.Length;
        }

        var pieces = new string[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            pieces[i] = i == words.Length - 1 ? words[i] : words[i] + " ";
        }

        return new FakeReply(string.Concat(pieces), pieces, promptTokens, words.Length, finish, null, id);
    }

    /// <summary>Characters / 4 rounded up, at least 1.</summary>
    public static int PromptTokensFor(int characters) => Math.Max(1, (characters + 3) / 4);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Finish}: {Text} ({PromptTokens}+{CompletionTokens})");
}
