namespace LiteAspire.FakeProvider.Providers;

/// <summary>Cohere's v2 API: chat (with its typed SSE events), embed and rerank.</summary>
internal static class CohereEndpoints
{
    public static IEndpointRouteBuilder MapCohere(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v2/chat", FakeGate.Json(FakeWire.Cohere, ChatAsync));
        app.MapPost("/v2/embed", FakeGate.Json(FakeWire.Cohere, EmbedAsync));
        app.MapPost("/v2/rerank", FakeGate.Json(FakeWire.Cohere, RerankEndpoints.RerankAsync));
        return app;
    }

    private static async Task ChatAsync(HttpContext context, GatedRequest request)
    {
        var plan = request.Plan;
        var root = request.Root;
        var input = OpenAIRequests.ChatInput(root);
        if (OpenAIRequests.String(root, "tool_choice") is { } choice && string.Equals(choice, "NONE", StringComparison.OrdinalIgnoreCase))
        {
            input.ToolName = null;
        }

        var reply = FakeReply.For(input);
        var id = "fake-" + reply.Id;
        var toolId = "call_" + FakeIds.Hex24(reply.Id);
        if (!input.Stream)
        {
            var json = JsonReply.Start();
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("finish_reason", FinishReason(reply.Finish));
            json.WriteStartObject("message");
            json.WriteString("role", "assistant");
            if (reply.ToolName is { } tool)
            {
                json.WriteString("tool_plan", "I will call " + tool + ".");
                json.WriteStartArray("tool_calls");
                json.WriteStartObject();
                json.WriteString("id", toolId);
                json.WriteString("type", "function");
                json.WriteStartObject("function");
                json.WriteString("name", tool);
                json.WriteString("arguments", FakeReply.ToolArguments);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }
            else
            {
                json.WriteStartArray("content");
                json.WriteStartObject();
                json.WriteString("type", "text");
                json.WriteString("text", reply.Text);
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
            WriteUsage(json, reply);
            json.WriteEndObject();
            await JsonReply.SendAsync(context);
            return;
        }

        using var sink = await StreamSink.StartAsync(context, plan, "text/event-stream");
        var start = sink.Json();
        start.WriteStartObject();
        start.WriteString("id", id);
        start.WriteString("type", "message-start");
        start.WriteStartObject("delta");
        start.WriteStartObject("message");
        start.WriteString("role", "assistant");
        start.WriteStartArray("content");
        start.WriteEndArray();
        start.WriteString("tool_plan", "");
        start.WriteStartArray("tool_calls");
        start.WriteEndArray();
        start.WriteStartArray("citations");
        start.WriteEndArray();
        start.WriteEndObject();
        start.WriteEndObject();
        start.WriteEndObject();
        await sink.SseAsync("message-start", content: false);

        if (reply.ToolName is { } toolName)
        {
            var plan1 = Event(sink, "tool-plan-delta", null);
            plan1.WriteStartObject("message");
            plan1.WriteString("tool_plan", "I will call " + toolName + ".");
            plan1.WriteEndObject();
            await End(sink, plan1, "tool-plan-delta", content: true);

            var callStart = Event(sink, "tool-call-start", 0);
            callStart.WriteStartObject("message");
            callStart.WriteStartObject("tool_calls");
            callStart.WriteString("id", toolId);
            callStart.WriteString("type", "function");
            callStart.WriteStartObject("function");
            callStart.WriteString("name", toolName);
            callStart.WriteString("arguments", "");
            callStart.WriteEndObject();
            callStart.WriteEndObject();
            callStart.WriteEndObject();
            await End(sink, callStart, "tool-call-start", content: false);

            var callDelta = Event(sink, "tool-call-delta", 0);
            callDelta.WriteStartObject("message");
            callDelta.WriteStartObject("tool_calls");
            callDelta.WriteStartObject("function");
            callDelta.WriteString("arguments", FakeReply.ToolArguments);
            callDelta.WriteEndObject();
            callDelta.WriteEndObject();
            callDelta.WriteEndObject();
            await End(sink, callDelta, "tool-call-delta", content: true);

            var callEnd = sink.Json();
            callEnd.WriteStartObject();
            callEnd.WriteString("type", "tool-call-end");
            callEnd.WriteNumber("index", 0);
            callEnd.WriteEndObject();
            await sink.SseAsync("tool-call-end", content: false);
        }
        else
        {
            var contentStart = Event(sink, "content-start", 0);
            contentStart.WriteStartObject("message");
            contentStart.WriteStartObject("content");
            contentStart.WriteString("type", "text");
            contentStart.WriteString("text", "");
            contentStart.WriteEndObject();
            contentStart.WriteEndObject();
            await End(sink, contentStart, "content-start", content: false);
            foreach (var piece in reply.Pieces)
            {
                var delta = Event(sink, "content-delta", 0);
                delta.WriteStartObject("message");
                delta.WriteStartObject("content");
                delta.WriteString("text", piece);
                delta.WriteEndObject();
                delta.WriteEndObject();
                await End(sink, delta, "content-delta", content: true);
            }

            var contentEnd = sink.Json();
            contentEnd.WriteStartObject();
            contentEnd.WriteString("type", "content-end");
            contentEnd.WriteNumber("index", 0);
            contentEnd.WriteEndObject();
            await sink.SseAsync("content-end", content: false);
        }

        var end = Event(sink, "message-end", null);
        end.WriteString("finish_reason", FinishReason(reply.Finish));
        WriteUsage(end, reply);
        await End(sink, end, "message-end", content: false);
    }

    /// <summary>Opens <c>{"type", "index"?, "delta": {</c>; <see cref="End"/> closes both and sends.</summary>
    private static Utf8JsonWriter Event(StreamSink sink, string type, int? index)
    {
        var json = sink.Json();
        json.WriteStartObject();
        json.WriteString("type", type);
        if (index is not null)
        {
            json.WriteNumber("index", index.Value);
        }

        json.WriteStartObject("delta");
        return json;
    }

    private static Task End(StreamSink sink, Utf8JsonWriter json, string type, bool content)
    {
        json.WriteEndObject();
        json.WriteEndObject();
        return sink.SseAsync(type, content);
    }

    private static void WriteUsage(Utf8JsonWriter json, FakeReply reply)
    {
        json.WriteStartObject("usage");
        json.WriteStartObject("billed_units");
        json.WriteNumber("input_tokens", reply.PromptTokens);
        json.WriteNumber("output_tokens", reply.CompletionTokens);
        json.WriteEndObject();
        json.WriteStartObject("tokens");
        json.WriteNumber("input_tokens", reply.PromptTokens);
        json.WriteNumber("output_tokens", reply.CompletionTokens);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string FinishReason(FakeFinish finish) => finish switch
    {
        FakeFinish.Length => "MAX_TOKENS",
        FakeFinish.ToolCall => "TOOL_CALL",
        _ => "COMPLETE",
    };

    private static async Task EmbedAsync(HttpContext context, GatedRequest request)
    {
        var root = request.Root;
        var texts = OpenAIRequests.Inputs(root, "texts");
        var dimensions = OpenAIRequests.Int(root, "output_dimension") ?? FakeVectors.DefaultDimensions;
        var json = JsonReply.Start();
        json.WriteStartObject();
        json.WriteString("id", "fake-" + FakeIds.Hex("embed", string.Join('\n', texts), texts.Count));
        json.WriteStartObject("embeddings");
        json.WriteStartArray("float");
        var characters = FakeVectors.WriteEach(json, texts, dimensions);

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("texts");
        foreach (var text in texts)
        {
            json.WriteStringValue(text);
        }

        json.WriteEndArray();
        WriteMeta(json, "input_tokens", FakeReply.PromptTokensFor(characters));
        json.WriteString("response_type", "embeddings_by_type");
        json.WriteEndObject();
        await JsonReply.SendAsync(context);
    }

    /// <summary>Cohere's <c>meta</c> object: API version 2 and the one billed unit the call counts (embed: input tokens, rerank: searches).</summary>
    internal static void WriteMeta(Utf8JsonWriter json, string billedUnit, int count)
    {
        json.WriteStartObject("meta");
        json.WriteStartObject("api_version");
        json.WriteString("version", "2");
        json.WriteEndObject();
        json.WriteStartObject("billed_units");
        json.WriteNumber(billedUnit, count);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
