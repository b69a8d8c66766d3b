using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Anthropic;

/// <summary>Anthropic Messages response → OpenAI <c>chat.completion</c> (LiteLLM's <c>AnthropicConfig.transform_response</c>).</summary>
public static class AnthropicResponseTranslator
{
    /// <summary>Text blocks joined into content, tool_use blocks as tool_calls, thinking as reasoning_content + thinking_blocks.</summary>
    /// <param name="body">The Anthropic message.</param>
    /// <param name="jsonMode">The request used response_format: the forced <c>json_tool_call</c>'s input is the answer.</param>
    public static JsonObject Translate(JsonNode body, bool jsonMode)
    {
        ArgumentNullException.ThrowIfNull(body);
        var blocks = AnthropicContent.Read(body.Prop("content"), (read, block) =>
        {
            var name = JsonRead.String(block.Prop("name")) ?? "";
            var arguments = block.Prop("input")?.ToJsonString() ?? "{}";
            if (jsonMode && name == AnthropicRequestTranslator.JsonToolName)
            {
                read.AppendText(arguments);
            }
            else
            {
                read.AddToolCall(OpenAIShapes.ToolCall(JsonRead.String(block.Prop("id")) ?? OpenAIShapes.NewToolCallId(), name, arguments));
            }
        });
        var text = blocks.Text;
        var toolCalls = blocks.ToolCalls;
        var reasoning = blocks.Reasoning;
        var thinkingBlocks = blocks.ThinkingBlocks;
        var message = OpenAIShapes.AssistantMessage(text?.ToString(), toolCalls, reasoning?.ToString());
        if (thinkingBlocks is not null)
        {
            message["thinking_blocks"] = thinkingBlocks;
        }

        var finishReason = toolCalls is { Count: > 0 } ? "tool_calls" : FinishReasons.Map(JsonRead.String(body.Prop("stop_reason")));
        if (jsonMode && finishReason == "tool_calls" && toolCalls is null)
        {
            finishReason = "stop";
        }

        return OpenAIShapes.ChatCompletion(
            JsonRead.String(body.Prop("id")) ?? OpenAIShapes.NewCompletionId(),
            JsonRead.String(body.Prop("model")) ?? "",
            OpenAIShapes.Now(),
            [(message, finishReason)],
            AnthropicUsage.ToOpenAI(body.Prop("usage")));
    }
}
