using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Bedrock;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Cohere;

/// <summary>Translates Cohere v2 chat SSE events (<c>message-start</c> … <c>message-end</c>) into OpenAI chunks.</summary>
public static class CohereChatStreamReader
{
    private const string Provider = "cohere";

    /// <summary>Yields one chunk per meaningful upstream event, then a usage chunk from <c>message-end</c>.</summary>
    public static async IAsyncEnumerable<JsonObject> ReadAsync(Stream upstream, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = OpenAIShapes.NewCompletionId();
        var created = OpenAIShapes.Now();
        var toolCount = 0;
        await foreach (var sse in SseReader.ReadAsync(upstream, cancellationToken).ConfigureAwait(false))
        {
            if (sse.Data.Length == 0 || sse.Data == "[DONE]")
            {
                continue;
            }

            var data = ChatRequestParts.ParseUpstreamEvent(Provider, sse.Data);

            var delta = data["delta"] as JsonObject;
            var message = delta?["message"] as JsonObject;
            var text = JsonRead.String(JsonRead.Prop(message?["content"], "text"));
            var toolCalls = message?["tool_calls"] as JsonObject;
            switch (sse.Event ?? JsonRead.String(data["type"]))
            {
                case "message-start":
                    id = JsonRead.String(data["id"]) ?? id;
                    yield return OpenAIShapes.Chunk(id, model, created, new JsonObject { ["role"] = "assistant", ["content"] = "" });
                    break;
                case "content-delta" or "content-start" when text is { Length: > 0 }:
                    yield return OpenAIShapes.Chunk(id, model, created, new JsonObject { ["content"] = text });
                    break;
                case "tool-call-start" when toolCalls is not null:
                    var function = toolCalls["function"];
                    var toolCall = OpenAIShapes.ToolCall(JsonRead.String(toolCalls["id"]) ?? OpenAIShapes.NewToolCallId(),
                        JsonRead.String(function?["name"]) ?? "", JsonRead.String(function?["arguments"]) ?? "", toolCount++);
                    yield return OpenAIShapes.Chunk(id, model, created, new JsonObject { ["tool_calls"] = new JsonArray { toolCall } });
                    break;
                case "tool-call-delta" when toolCalls is not null:
                    var fragment = JsonRead.String(toolCalls["function"]?["arguments"]) ?? "";
                    yield return OpenAIShapes.Chunk(id, model, created, new JsonObject
                    {
                        ["tool_calls"] = new JsonArray
                        {
                            new JsonObject { ["index"] = toolCount - 1, ["function"] = new JsonObject { ["arguments"] = fragment } },
                        },
                    });
                    break;
                case "message-end":
                    var reason = JsonRead.String(delta?["finish_reason"]);
                    if (reason is "ERROR" && JsonRead.String(delta?["error"]) is { } problem)
                    {
                        throw new ProviderException(LiteLLMErrorKind.APIError, Provider, problem, 500);
                    }

                    yield return OpenAIShapes.Chunk(id, model, created, new JsonObject(), toolCount > 0 ? "tool_calls" : FinishReasons.Map(reason));
                    if (CohereChatResponse.Usage(delta?["usage"]) is { } usage)
                    {
                        yield return OpenAIShapes.UsageChunk(id, model, created, usage);
                    }

                    break;
                default:
                    // content-end, tool-plan-delta, tool-call-end, citation-*: nothing an OpenAI client reads.
                    break;
            }
        }
    }
}
