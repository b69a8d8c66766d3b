using System.Text;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Bedrock;

/// <summary>Translates Bedrock Converse responses, usage and errors to OpenAI's shapes.</summary>
public static class BedrockConverseResponse
{
    private const string Provider = "bedrock";

    /// <summary>A Converse body (<c>output.message.content[]</c>, <c>stopReason</c>, <c>usage</c>) as a <c>chat.completion</c>.</summary>
    public static JsonObject ToChatCompletion(JsonNode body, string model)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = new StringBuilder();
        StringBuilder? reasoning = null;
        var toolCalls = new JsonArray();
        string? jsonToolOutput = null;
        if (body["output"]?["message"]?["content"] is JsonArray blocks)
        {
            foreach (var block in blocks)
            {
                if (block is null)
                {
                    continue;
                }

                if (JsonRead.String(block["text"]) is { } piece)
                {
                    text.Append(piece);
                }
                else if (block["toolUse"] is JsonObject toolUse)
                {
                    var name = JsonRead.String(toolUse["name"]) ?? "";
                    var input = toolUse["input"]?.ToJsonString() ?? "{}";
                    if (name == BedrockConverseRequest.JsonToolName)
                    {
                        jsonToolOutput = input;
                        continue;
                    }

                    toolCalls.Add(OpenAIShapes.ToolCall(JsonRead.String(toolUse["toolUseId"]) ?? OpenAIShapes.NewToolCallId(), name, input, toolCalls.Count));
                }
                else if (JsonRead.String(block["reasoningContent"]?["reasoningText"]?["text"]) is { } thought)
                {
                    (reasoning ??= new StringBuilder()).Append(thought);
                }
            }
        }

        var content = jsonToolOutput ?? (text.Length > 0 ? text.ToString() : null);
        var finish = toolCalls.Count > 0 ? "tool_calls" : jsonToolOutput is not null ? "stop" : FinishReasons.Map(JsonRead.String(body["stopReason"]));
        var message = OpenAIShapes.AssistantMessage(content, toolCalls, reasoning?.ToString());
        return OpenAIShapes.ChatCompletion(OpenAIShapes.NewCompletionId(), model, OpenAIShapes.Now(), [(message, finish)], Usage(body["usage"]));
    }

    /// <summary>Converse <c>usage</c> as OpenAI usage; cache reads and writes count as prompt tokens, as LiteLLM counts Anthropic's.</summary>
    public static JsonObject? Usage(JsonNode? usage)
    {
        if (usage is not JsonObject)
        {
            return null;
        }

        var input = JsonRead.LongOrZero(usage["inputTokens"]);
        var output = JsonRead.LongOrZero(usage["outputTokens"]);
        var cacheRead = usage["cacheReadInputTokens"] is null ? (long?)null : JsonRead.LongOrZero(usage["cacheReadInputTokens"]);
        var cacheWrite = usage["cacheWriteInputTokens"] is null ? (long?)null : JsonRead.LongOrZero(usage["cacheWriteInputTokens"]);
        return OpenAIShapes.Usage(input + (cacheRead ?? 0) + (cacheWrite ?? 0), output, cacheRead, cacheCreationTokens: cacheWrite);
    }

    /// <summary>A Bedrock error (<c>{"message": ...}</c>) at <paramref name="status"/> as LiteLLM's exception.</summary>
    public static ProviderException Error(int status, string body)
    {
        var message = ChatRequestParts.ErrorMessage(body);
        return new ProviderException(LiteLLMErrors.Classify(status, message), Provider, message, status);
    }

    /// <summary>The HTTP status an event-stream <c>:exception-type</c> stands for (the same as the synchronous API's).</summary>
    public static int ExceptionStatus(string? exceptionType) => exceptionType switch
    {
        "throttlingException" => 429,
        "validationException" => 400,
        "accessDeniedException" => 403,
        "resourceNotFoundException" => 404,
        "modelTimeoutException" => 408,
        "serviceUnavailableException" => 503,
        "modelNotReadyException" => 503,
        _ => 500,
    };
}
