using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers.Anthropic;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.AnthropicApi;

/// <summary>
/// OpenAI <c>chat.completion.chunk</c>s → Anthropic stream events, each emitted as soon as its chunk arrives:
/// <c>message_start</c>, then per block <c>content_block_start</c>/<c>_delta</c>/<c>_stop</c> (thinking, text, tool_use with
/// <c>input_json_delta</c>), then <c>message_delta</c> (stop_reason, usage from the final usage chunk) and <c>message_stop</c>.
/// </summary>
public static class OpenAIChunksToAnthropicEvents
{
    private enum BlockKind
    {
        None,
        Thinking,
        Text,
        Tool,
    }

    /// <summary>Translates the chunk stream; <paramref name="requestedModel"/> names the model until a chunk does.</summary>
    public static async IAsyncEnumerable<AnthropicSseEvent> TranslateAsync(IAsyncEnumerable<JsonObject> chunks, string requestedModel,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var started = false;
        var openKind = BlockKind.None;
        var openIndex = -1;
        var nextIndex = 0;
        string? finishReason = null;
        JsonNode? usage = null;
        var anyTool = false;
        // OpenAI tool-call index → Anthropic content-block index.
        var toolBlocks = new Dictionary<long, int>();

        await foreach (var chunk in chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!started)
            {
                started = true;
                yield return MessageStart(JsonRead.String(chunk["id"]), JsonRead.String(chunk["model"]) ?? requestedModel);
            }

            if (chunk["usage"] is JsonObject chunkUsage)
            {
                usage = chunkUsage;
            }

            var choice = chunk["choices"] is JsonArray { Count: > 0 } choices ? choices[0] : null;
            if (choice is null)
            {
                continue;
            }

            var delta = choice.Prop("delta");
            if (JsonRead.String(delta.Prop("reasoning_content")) is { Length: > 0 } thinking)
            {
                if (openKind != BlockKind.Thinking)
                {
                    foreach (var e in Switch(ref openKind, ref openIndex, ref nextIndex, BlockKind.Thinking,
                        new JsonObject { ["type"] = "thinking", ["thinking"] = "" }))
                    {
                        yield return e;
                    }
                }

                yield return BlockDelta(openIndex, new JsonObject { ["type"] = "thinking_delta", ["thinking"] = thinking });
            }

            if (openKind == BlockKind.Thinking && Signature(delta) is { } signature)
            {
                yield return BlockDelta(openIndex, new JsonObject { ["type"] = "signature_delta", ["signature"] = signature });
            }

            if (JsonRead.String(delta.Prop("content")) is { Length: > 0 } text)
            {
                if (openKind != BlockKind.Text)
                {
                    foreach (var e in Switch(ref openKind, ref openIndex, ref nextIndex, BlockKind.Text,
                        new JsonObject { ["type"] = "text", ["text"] = "" }))
                    {
                        yield return e;
                    }
                }

                yield return BlockDelta(openIndex, new JsonObject { ["type"] = "text_delta", ["text"] = text });
            }

            if (delta.Prop("tool_calls") is JsonArray toolCalls)
            {
                foreach (var call in toolCalls)
                {
                    var toolIndex = JsonRead.Long(call.Prop("index")) ?? 0;
                    var function = call.Prop("function");
                    if (!toolBlocks.TryGetValue(toolIndex, out var blockIndex))
                    {
                        anyTool = true;
                        var start = new JsonObject
                        {
                            ["type"] = "tool_use",
                            ["id"] = JsonRead.String(call.Prop("id")) ?? "toolu_" + Guid.NewGuid().ToString("N")[..24],
                            ["name"] = JsonRead.String(function.Prop("name")) ?? "",
                            ["input"] = new JsonObject(),
                        };
                        foreach (var e in Switch(ref openKind, ref openIndex, ref nextIndex, BlockKind.Tool, start))
                        {
                            yield return e;
                        }

                        blockIndex = openIndex;
                        toolBlocks[toolIndex] = blockIndex;
                    }

                    if (JsonRead.String(function.Prop("arguments")) is { Length: > 0 } arguments)
                    {
                        yield return BlockDelta(blockIndex, new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = arguments });
                    }
                }
            }

            if (JsonRead.String(choice.Prop("finish_reason")) is { } reason)
            {
                finishReason = reason;
            }
        }

        if (!started)
        {
            yield return MessageStart(null, requestedModel);
        }

        if (openKind != BlockKind.None)
        {
            yield return BlockStop(openIndex);
        }

        var stopReason = finishReason is null && anyTool ? "tool_use" : AnthropicStopReasons.FromFinishReason(finishReason);
        yield return new AnthropicSseEvent("message_delta", new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = stopReason, ["stop_sequence"] = null },
            ["usage"] = OpenAIToAnthropicResponse.Usage(usage),
        });
        yield return new AnthropicSseEvent("message_stop", new JsonObject { ["type"] = "message_stop" });
    }

    /// <summary>The <c>error</c> event for a failure after the stream began (headers already sent with 200).</summary>
    public static AnthropicSseEvent Error(int statusCode, string message) => new("error", AnthropicApiErrors.Body(statusCode, message));

    private static List<AnthropicSseEvent> Switch(ref BlockKind openKind, ref int openIndex, ref int nextIndex, BlockKind kind, JsonObject contentBlock)
    {
        var events = new List<AnthropicSseEvent>(2);
        if (openKind != BlockKind.None)
        {
            events.Add(BlockStop(openIndex));
        }

        openKind = kind;
        openIndex = nextIndex++;
        events.Add(new AnthropicSseEvent("content_block_start", new JsonObject
        {
            ["type"] = "content_block_start",
            ["index"] = openIndex,
            ["content_block"] = contentBlock,
        }));
        return events;
    }

    private static AnthropicSseEvent MessageStart(string? id, string model) => new("message_start", new JsonObject
    {
        ["type"] = "message_start",
        ["message"] = new JsonObject
        {
            ["id"] = AnthropicMessageIds.From(id),
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = model,
            ["content"] = new JsonArray(),
            ["stop_reason"] = null,
            ["stop_sequence"] = null,
            // Input tokens are known only from the final usage chunk; message_delta carries them.
            ["usage"] = new JsonObject { ["input_tokens"] = 0, ["output_tokens"] = 0 },
        },
    });

    private static AnthropicSseEvent BlockDelta(int index, JsonObject delta) => new("content_block_delta", new JsonObject
    {
        ["type"] = "content_block_delta",
        ["index"] = index,
        ["delta"] = delta,
    });

    private static AnthropicSseEvent BlockStop(int index) =>
        new("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = index });

    private static string? Signature(JsonNode? delta)
    {
        if (delta.Prop("thinking_blocks") is JsonArray { Count: > 0 } blocks)
        {
            return JsonRead.String(blocks[^1].Prop("signature")) is { Length: > 0 } signature ? signature : null;
        }

        return null;
    }
}
