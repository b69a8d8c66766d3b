using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Bedrock;

/// <summary>Translates a ConverseStream event stream into OpenAI <c>chat.completion.chunk</c> objects, one per upstream event.</summary>
public static class BedrockConverseStreamReader
{
    private const string Provider = "bedrock";

    /// <summary>Reads frames from <paramref name="upstream"/> and yields chunks as each arrives; exception frames throw.</summary>
    public static async IAsyncEnumerable<JsonObject> ReadAsync(Stream upstream, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = OpenAIShapes.NewCompletionId();
        var created = OpenAIShapes.Now();
        var toolCount = 0;
        var currentToolIndex = -1;
        var jsonToolBlock = -1;
        await foreach (var frame in EventStreamDecoder.ReadAsync(upstream, cancellationToken).ConfigureAwait(false))
        {
            if (frame.MessageType is "exception" or "error")
            {
                throw Exception(frame);
            }

            var payload = ChatRequestParts.ParseUpstreamEvent(Provider, frame.Payload);
            switch (frame.EventType)
            {
                case "messageStart":
                    yield return OpenAIShapes.Chunk(id, model, created, new JsonObject { ["role"] = "assistant", ["content"] = "" });
                    break;
                case "contentBlockStart" when payload["start"] is JsonObject { } start && start["toolUse"] is JsonObject toolUse:
                    var name = JsonRead.String(toolUse["name"]) ?? "";
                    if (name == BedrockConverseRequest.JsonToolName)
                    {
                        // response_format's forced tool: its input is the answer, streamed as content.
                        jsonToolBlock = (int)JsonRead.LongOrZero(payload["contentBlockIndex"]);
                        break;
                    }

                    currentToolIndex = toolCount++;
                    var call = OpenAIShapes.ToolCall(JsonRead.String(toolUse["toolUseId"]) ?? OpenAIShapes.NewToolCallId(), name, "", currentToolIndex);
                    yield return OpenAIShapes.Chunk(id, model, created, new JsonObject { ["tool_calls"] = new JsonArray { call } });
                    break;
                case "contentBlockDelta" when payload["delta"] is JsonObject delta:
                    if (Delta(delta, currentToolIndex, jsonToolBlock >= 0 && JsonRead.LongOrZero(payload["contentBlockIndex"]) == jsonToolBlock) is { } chunkDelta)
                    {
                        yield return OpenAIShapes.Chunk(id, model, created, chunkDelta);
                    }

                    break;
                case "messageStop":
                    var reason = toolCount > 0 ? "tool_calls" : jsonToolBlock >= 0 ? "stop" : FinishReasons.Map(JsonRead.String(payload["stopReason"]));
                    yield return OpenAIShapes.Chunk(id, model, created, new JsonObject(), reason);
                    break;
                case "metadata" when BedrockConverseResponse.Usage(payload["usage"]) is { } usage:
                    yield return OpenAIShapes.UsageChunk(id, model, created, usage);
                    break;
                default:
                    // contentBlockStop, text contentBlockStart, unknown events: nothing for the client.
                    break;
            }
        }
    }

    private static JsonObject? Delta(JsonObject delta, int toolIndex, bool isJsonTool)
    {
        if (JsonRead.String(delta["text"]) is { } text)
        {
            return new JsonObject { ["content"] = text };
        }

        if (JsonRead.String(delta["toolUse"]?["input"]) is { } input)
        {
            if (isJsonTool)
            {
                return new JsonObject { ["content"] = input };
            }

            return new JsonObject
            {
                ["tool_calls"] = new JsonArray
                {
                    new JsonObject { ["index"] = toolIndex, ["function"] = new JsonObject { ["arguments"] = input } },
                },
            };
        }

        if (JsonRead.String(delta["reasoningContent"]?["text"]) is { } thought)
        {
            return new JsonObject { ["reasoning_content"] = thought };
        }

        // reasoningContent.signature and other deltas carry nothing an OpenAI client reads.
        return null;
    }

    private static ProviderException Exception(EventStreamMessage frame)
    {
        var type = frame.ExceptionType ?? frame.GetString(":error-code") ?? "internalServerException";
        var message = frame.GetString(":error-message") ?? ChatRequestParts.ErrorMessage(frame.PayloadText);
        var status = BedrockConverseResponse.ExceptionStatus(type);
        return new ProviderException(LiteLLMErrors.Classify(status, message), Provider, $"{type}: {message}", status);
    }
}
