using System.Text;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Anthropic;

/// <summary>
/// An Anthropic message's content blocks gathered into OpenAI's assistant-message pieces: text joined, thinking as reasoning
/// plus the raw thinking blocks, tool_use handed to the caller (the /v1/messages bridge and the adapter map it differently).
/// </summary>
internal sealed class AnthropicContent
{
    /// <summary>The text blocks joined, or null when there were none.</summary>
    public StringBuilder? Text { get; private set; }

    /// <summary>The thinking blocks' text joined, or null.</summary>
    public StringBuilder? Reasoning { get; private set; }

    /// <summary>Copies of the thinking and redacted_thinking blocks, or null.</summary>
    public JsonArray? ThinkingBlocks { get; private set; }

    /// <summary>The OpenAI tool calls the caller added, or null.</summary>
    public JsonArray? ToolCalls { get; private set; }

    /// <summary>Appends to the text (in block order).</summary>
    public void AppendText(string? text) => (Text ??= new StringBuilder()).Append(text);

    /// <summary>Adds an OpenAI tool call.</summary>
    public void AddToolCall(JsonNode toolCall) => (ToolCalls ??= []).Add(toolCall);

    /// <summary>Reads <paramref name="content"/> (a block array; anything else reads as empty), calling <paramref name="toolUse"/> for each tool_use block.</summary>
    public static AnthropicContent Read(JsonNode? content, Action<AnthropicContent, JsonNode?> toolUse)
    {
        var result = new AnthropicContent();
        if (content is not JsonArray blocks)
        {
            return result;
        }

        foreach (var block in blocks)
        {
            switch (JsonRead.String(block.Prop("type")))
            {
                case "text":
                    result.AppendText(JsonRead.String(block.Prop("text")));
                    break;
                case "thinking":
                    (result.Reasoning ??= new StringBuilder()).Append(JsonRead.String(block.Prop("thinking")));
                    (result.ThinkingBlocks ??= []).Add(block!.DeepClone());
                    break;
                case "redacted_thinking":
                    (result.ThinkingBlocks ??= []).Add(block!.DeepClone());
                    break;
                case "tool_use":
                    toolUse(result, block);
                    break;
            }
        }

        return result;
    }
}
