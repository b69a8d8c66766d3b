using System.Text;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Bedrock;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Cohere;

/// <summary>Translates Cohere v2 chat responses, usage and errors to OpenAI's shapes.</summary>
public static class CohereChatResponse
{
    private const string Provider = "cohere";

    /// <summary>A v2 chat body (<c>message.content[].text</c>, <c>message.tool_calls</c>, <c>finish_reason</c>, <c>usage</c>) as a <c>chat.completion</c>.</summary>
    public static JsonObject ToChatCompletion(JsonNode body, string model)
    {
        ArgumentNullException.ThrowIfNull(body);
        var message = body["message"];
        var text = new StringBuilder();
        if (message?["content"] is JsonArray blocks)
        {
            foreach (var block in blocks)
            {
                if (JsonRead.String(block?["type"]) is null or "text" && JsonRead.String(block?["text"]) is { } piece)
                {
                    text.Append(piece);
                }
            }
        }

        var toolCalls = new JsonArray();
        if (message?["tool_calls"] is JsonArray calls)
        {
            foreach (var call in calls)
            {
                var function = call?["function"];
                toolCalls.Add(OpenAIShapes.ToolCall(
                    JsonRead.String(call?["id"]) ?? OpenAIShapes.NewToolCallId(),
                    JsonRead.String(function?["name"]) ?? "",
                    JsonRead.String(function?["arguments"]) ?? function?["arguments"]?.ToJsonString() ?? "{}",
                    toolCalls.Count));
            }
        }

        var finish = toolCalls.Count > 0 ? "tool_calls" : FinishReasons.Map(JsonRead.String(body["finish_reason"]));
        var assistant = OpenAIShapes.AssistantMessage(text.Length > 0 ? text.ToString() : null, toolCalls);
        var id = JsonRead.String(body["id"]) ?? OpenAIShapes.NewCompletionId();
        return OpenAIShapes.ChatCompletion(id, model, OpenAIShapes.Now(), [(assistant, finish)], Usage(body["usage"]));
    }

    /// <summary>v2 <c>usage</c>: the billed units (what Cohere charges), else the raw token counts.</summary>
    public static JsonObject? Usage(JsonNode? usage)
    {
        var counts = usage?["billed_units"] as JsonObject ?? usage?["tokens"] as JsonObject;
        return counts is null
            ? null
            : OpenAIShapes.Usage(JsonRead.LongOrZero(counts["input_tokens"]), JsonRead.LongOrZero(counts["output_tokens"]));
    }

    /// <summary>A Cohere error body (<c>{"message": ...}</c>) at <paramref name="status"/> as LiteLLM's exception.</summary>
    public static ProviderException Error(int status, string body)
    {
        var message = ChatRequestParts.ErrorMessage(body);
        // Cohere answers an exhausted trial key or quota with 429 too, and 498 for an invalid token.
        var effective = status == 498 ? 401 : status;
        return new ProviderException(LiteLLMErrors.Classify(effective, message), Provider, message, status);
    }
}
