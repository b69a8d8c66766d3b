using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Anthropic;

/// <summary>Anthropic Messages SSE → OpenAI <c>chat.completion.chunk</c>s, one chunk per upstream delta as it arrives.</summary>
public static class AnthropicStreamTranslator
{
    /// <summary>
    /// Translates the stream. Tool calls are numbered by their ordinal among tool_use blocks (OpenAI's <c>index</c>), the
    /// finish reason comes with <c>message_delta</c>, and a usage chunk (<c>choices: []</c>) closes the stream.
    /// </summary>
    /// <exception cref="ProviderException">An <c>error</c> event (e.g. overloaded_error) arrived mid-stream, or the stream ended
    /// without <c>message_stop</c> (after the usage chunk, so what was used is still counted).</exception>
    public static async IAsyncEnumerable<JsonObject> TranslateAsync(Stream upstream, bool jsonMode,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = OpenAIShapes.NewCompletionId();
        var model = "";
        var created = OpenAIShapes.Now();
        long inputTokens = 0, outputTokens = 0, cacheRead = 0, cacheCreation = 0;
        var sawUsage = false;
        var sawStop = false;
        var toolCount = 0;
        var anyToolCall = false;
        // Content-block index → tool ordinal (-1 text/thinking, -2 the json_tool_call answer in JSON mode).
        var blockTools = new Dictionary<long, int>();

        await foreach (var sse in SseReader.ReadAsync(upstream, cancellationToken).ConfigureAwait(false))
        {
            if (sse.Data.Length == 0 || sse.Event == "ping")
            {
                continue;
            }

            JsonNode? data;
            try
            {
                data = JsonNode.Parse(sse.Data);
            }
            catch (JsonException)
            {
                throw new ProviderException(LiteLLMErrorKind.APIError, AnthropicErrors.Provider, "Invalid JSON in stream event: " + Truncate(sse.Data), 500);
            }

            switch (sse.Event ?? JsonRead.String(data.Prop("type")))
            {
                case "message_start":
                {
                    var message = data.Prop("message");
                    id = JsonRead.String(message.Prop("id")) ?? id;
                    model = JsonRead.String(message.Prop("model")) ?? model;
                    var usage = message.Prop("usage");
                    if (usage is not null)
                    {
                        sawUsage = true;
                        inputTokens = JsonRead.Long(usage.Prop("input_tokens")) ?? 0;
                        outputTokens = JsonRead.Long(usage.Prop("output_tokens")) ?? 0;
                        cacheRead = JsonRead.Long(usage.Prop("cache_read_input_tokens")) ?? 0;
                        cacheCreation = JsonRead.Long(usage.Prop("cache_creation_input_tokens")) ?? 0;
                    }

                    yield return OpenAIShapes.Chunk(id, model, created, new JsonObject { ["role"] = "assistant", ["content"] = "" });
                    break;
                }

                case "content_block_start":
                {
                    var index = JsonRead.Long(data.Prop("index")) ?? 0;
                    var block = data.Prop("content_block");
                    var type = JsonRead.String(block.Prop("type"));
                    if (type == "tool_use")
                    {
                        var name = JsonRead.String(block.Prop("name")) ?? "";
                        if (jsonMode && name == AnthropicRequestTranslator.JsonToolName)
                        {
                            blockTools[index] = -2;
                            break;
                        }

                        var ordinal = toolCount++;
                        blockTools[index] = ordinal;
                        anyToolCall = true;
                        var call = OpenAIShapes.ToolCall(JsonRead.String(block.Prop("id")) ?? OpenAIShapes.NewToolCallId(), name, "", ordinal);
                        yield return OpenAIShapes.Chunk(id, model, created, new JsonObject { ["content"] = null, ["tool_calls"] = new JsonArray { call } });
                    }
                    else
                    {
                        blockTools[index] = -1;
                        if (type == "text" && JsonRead.String(block.Prop("text")) is { Length: > 0 } initial)
                        {
                            yield return OpenAIShapes.Chunk(id, model, created, new JsonObject { ["content"] = initial });
                        }
                    }

                    break;
                }

                case "content_block_delta":
                {
                    var delta = data.Prop("delta");
                    var chunkDelta = DeltaFor(delta, JsonRead.Long(data.Prop("index")) ?? 0, blockTools);
                    if (chunkDelta is not null)
                    {
                        yield return OpenAIShapes.Chunk(id, model, created, chunkDelta);
                    }

                    break;
                }

                case "message_delta":
                {
                    var usage = data.Prop("usage");
                    if (usage is not null)
                    {
                        // message_delta usage is cumulative; newer API versions repeat input and cache counts here too.
                        sawUsage = true;
                        outputTokens = JsonRead.Long(usage.Prop("output_tokens")) ?? outputTokens;
                        inputTokens = JsonRead.Long(usage.Prop("input_tokens")) ?? inputTokens;
                        cacheRead = JsonRead.Long(usage.Prop("cache_read_input_tokens")) ?? cacheRead;
                        cacheCreation = JsonRead.Long(usage.Prop("cache_creation_input_tokens")) ?? cacheCreation;
                    }

                    var stopReason = JsonRead.String(data.Prop("delta").Prop("stop_reason"));
                    if (stopReason is not null)
                    {
                        var finishReason = anyToolCall ? "tool_calls" : FinishReasons.Map(stopReason);
                        if (jsonMode && !anyToolCall && finishReason == "tool_calls")
                        {
                            finishReason = "stop";
                        }

                        yield return OpenAIShapes.Chunk(id, model, created, [], finishReason);
                    }

                    break;
                }

                case "message_stop":
                    sawStop = true;
                    break;

                case "error":
                    throw AnthropicErrors.FromStreamEvent(data);

                // content_block_stop and unknown future events carry nothing OpenAI clients need.
            }
        }

        if (sawUsage)
        {
            yield return OpenAIShapes.UsageChunk(id, model, created, AnthropicUsage.ToOpenAI(inputTokens, outputTokens, cacheRead, cacheCreation));
        }

        if (!sawStop)
        {
            // The connection closed mid-answer: say so rather than let a truncated answer pass as complete.
            throw new ProviderException(LiteLLMErrorKind.APIConnectionError, AnthropicErrors.Provider,
                "Connection closed before the stream's message_stop event", 500);
        }
    }

    private static JsonObject? DeltaFor(JsonNode? delta, long blockIndex, Dictionary<long, int> blockTools)
    {
        switch (JsonRead.String(delta.Prop("type")))
        {
            case "text_delta":
                return new JsonObject { ["content"] = JsonRead.String(delta.Prop("text")) ?? "" };
            case "thinking_delta":
                return new JsonObject { ["reasoning_content"] = JsonRead.String(delta.Prop("thinking")) ?? "" };
            case "signature_delta":
                return new JsonObject
                {
                    ["thinking_blocks"] = new JsonArray
                    {
                        new JsonObject { ["type"] = "thinking", ["thinking"] = "", ["signature"] = JsonRead.String(delta.Prop("signature")) },
                    },
                };
            case "input_json_delta":
                var fragment = JsonRead.String(delta.Prop("partial_json"));
                if (string.IsNullOrEmpty(fragment) || !blockTools.TryGetValue(blockIndex, out var ordinal))
                {
                    return null;
                }

                if (ordinal == -2)
                {
                    return new JsonObject { ["content"] = fragment };
                }

                return new JsonObject
                {
                    ["tool_calls"] = new JsonArray
                    {
                        new JsonObject { ["index"] = ordinal, ["function"] = new JsonObject { ["arguments"] = fragment } },
                    },
                };
            default:
                return null;
        }
    }

    private static string Truncate(string data) => data.Length <= 200 ? data : data[..200];
}
