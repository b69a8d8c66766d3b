namespace LiteAspire.FakeProvider.Providers;

/// <summary>OpenAI's Responses API: a message output item, and the typed SSE events when streaming.</summary>
internal static class ResponsesEndpoints
{
    public static IEndpointRouteBuilder MapResponses(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/responses", FakeGate.Json(FakeWire.OpenAI, ResponsesAsync));
        return app;
    }

    private static async Task ResponsesAsync(HttpContext context, GatedRequest request)
    {
        var plan = request.Plan;
        var root = request.Root;
        var input = new ChatInput
        {
            Model = OpenAIRequests.String(root, "model") ?? "fake-model",
            Stream = OpenAIRequests.Bool(root, "stream"),
            MaxTokens = OpenAIRequests.Int(root, "max_output_tokens"),
        };
        if (OpenAIRequests.String(root, "instructions") is { } instructions)
        {
            input.AddMessage("system", instructions);
        }

        if (root.TryGetProperty("input", out var items))
        {
            if (items.ValueKind == JsonValueKind.String)
            {
                input.AddMessage("user", items.GetString() ?? "");
            }
            else if (items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    input.AddMessage(OpenAIRequests.String(item, "role") ?? "user", ChatInput.TextOf(item));
                }
            }
        }

        var reply = FakeReply.For(input);
        var id = "resp_fake" + reply.Id;
        var messageId = "msg_fake" + reply.Id;
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (!input.Stream)
        {
            var json = JsonReply.Start();
            WriteResponse(json, id, messageId, created, input.Model, reply, completed: true);
            await JsonReply.SendAsync(context);
            return;
        }

        using var sink = await StreamSink.StartAsync(context, plan, "text/event-stream");
        var sequence = 0;
        foreach (var type in new[] { "response.created", "response.in_progress" })
        {
            var json = Event(sink, type, ref sequence);
            json.WritePropertyName("response");
            WriteResponse(json, id, messageId, created, input.Model, reply, completed: false);
            json.WriteEndObject();
            await sink.SseAsync(type, content: false);
        }

        var added = Event(sink, "response.output_item.added", ref sequence);
        added.WriteNumber("output_index", 0);
        added.WritePropertyName("item");
        WriteMessage(added, messageId, null);
        added.WriteEndObject();
        await sink.SseAsync("response.output_item.added", content: false);

        var part = Event(sink, "response.content_part.added", ref sequence);
        WritePartPosition(part, messageId);
        part.WritePropertyName("part");
        WriteTextPart(part, "");
        part.WriteEndObject();
        await sink.SseAsync("response.content_part.added", content: false);

        foreach (var piece in reply.Pieces)
        {
            var delta = Event(sink, "response.output_text.delta", ref sequence);
            WritePartPosition(delta, messageId);
            delta.WriteString("delta", piece);
            delta.WriteEndObject();
            await sink.SseAsync("response.output_text.delta", content: true);
        }

        var textDone = Event(sink, "response.output_text.done", ref sequence);
        WritePartPosition(textDone, messageId);
        textDone.WriteString("text", reply.Text);
        textDone.WriteEndObject();
        await sink.SseAsync("response.output_text.done", content: false);

        var partDone = Event(sink, "response.content_part.done", ref sequence);
        WritePartPosition(partDone, messageId);
        partDone.WritePropertyName("part");
        WriteTextPart(partDone, reply.Text);
        partDone.WriteEndObject();
        await sink.SseAsync("response.content_part.done", content: false);

        var itemDone = Event(sink, "response.output_item.done", ref sequence);
        itemDone.WriteNumber("output_index", 0);
        itemDone.WritePropertyName("item");
        WriteMessage(itemDone, messageId, reply.Text);
        itemDone.WriteEndObject();
        await sink.SseAsync("response.output_item.done", content: false);

        var completed = Event(sink, "response.completed", ref sequence);
        completed.WritePropertyName("response");
        WriteResponse(completed, id, messageId, created, input.Model, reply, completed: true);
        completed.WriteEndObject();
        await sink.SseAsync("response.completed", content: false);
    }

    private static Utf8JsonWriter Event(StreamSink sink, string type, ref int sequence)
    {
        var json = sink.Json();
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteNumber("sequence_number", sequence++);
        return json;
    }

    private static void WritePartPosition(Utf8JsonWriter json, string messageId)
    {
        json.WriteString("item_id", messageId);
        json.WriteNumber("output_index", 0);
        json.WriteNumber("content_index", 0);
    }

    private static void WriteResponse(Utf8JsonWriter json, string id, string messageId, long created, string model, FakeReply reply, bool completed)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("object", "response");
        json.WriteNumber("created_at", created);
        json.WriteString("status", completed ? "completed" : "in_progress");
        json.WriteNull("error");
        json.WriteNull("incomplete_details");
        json.WriteString("model", model);
        json.WriteStartArray("output");
        if (completed)
        {
            WriteMessage(json, messageId, reply.Text);
        }

        json.WriteEndArray();
        json.WriteBoolean("parallel_tool_calls", true);
        json.WriteNull("previous_response_id");
        json.WriteStartArray("tools");
        json.WriteEndArray();
        if (completed)
        {
            json.WriteStartObject("usage");
            json.WriteNumber("input_tokens", reply.PromptTokens);
            json.WriteStartObject("input_tokens_details");
            json.WriteNumber("cached_tokens", 0);
            json.WriteEndObject();
            json.WriteNumber("output_tokens", reply.CompletionTokens);
            json.WriteStartObject("output_tokens_details");
            json.WriteNumber("reasoning_tokens", 0);
            json.WriteEndObject();
            json.WriteNumber("total_tokens", reply.TotalTokens);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("usage");
        }

        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, string messageId, string? text)
    {
        json.WriteStartObject();
        json.WriteString("type", "message");
        json.WriteString("id", messageId);
        json.WriteString("status", text is null ? "in_progress" : "completed");
        json.WriteString("role", "assistant");
        json.WriteStartArray("content");
        if (text is not null)
        {
            WriteTextPart(json, text);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTextPart(Utf8JsonWriter json, string text)
    {
        json.WriteStartObject();
        json.WriteString("type", "output_text");
        json.WriteString("text", text);
        json.WriteStartArray("annotations");
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
