namespace LiteAspire.FakeProvider.Providers;

/// <summary>Anthropic's Messages API: text or tool_use content, and its named SSE events when streaming.</summary>
internal static class AnthropicEndpoints
{
    public static IEndpointRouteBuilder MapAnthropic(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/messages", FakeGate.Json(FakeWire.Anthropic, MessagesAsync));
        return app;
    }

    internal static ChatInput ReadInput(JsonElement root)
    {
        var input = new ChatInput
        {
            Model = OpenAIRequests.String(root, "model") ?? "claude-fake",
            Stream = OpenAIRequests.Bool(root, "stream"),
            MaxTokens = OpenAIRequests.Int(root, "max_tokens"),
        };
        if (root.TryGetProperty("system", out var system))
        {
            input.AddMessage("system", ChatInput.TextOf(system));
        }

        OpenAIRequests.AddMessages(input, root);

        if (root.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array && tools.GetArrayLength() > 0)
        {
            root.TryGetProperty("tool_choice", out var choice);
            var type = OpenAIRequests.String(choice, "type");
            input.ToolName = type switch
            {
                "none" => null,
                "tool" => OpenAIRequests.String(choice, "name"),
                _ => OpenAIRequests.String(tools[0], "name") ?? "tool",
            };
        }

        return input;
    }

    private static async Task MessagesAsync(HttpContext context, GatedRequest request)
    {
        var plan = request.Plan;
        var input = ReadInput(request.Root);
        if (input.MaxTokens is null)
        {
            await ProviderErrors.WriteAsync(context, FakeWire.Anthropic, 400, "max_tokens: Field required");
            return;
        }

        var reply = FakeReply.For(input);
        var id = "msg_fake" + reply.Id;
        var toolId = "toolu_" + FakeIds.Hex24(reply.Id);
        if (!input.Stream)
        {
            var json = JsonReply.Start();
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("type", "message");
            json.WriteString("role", "assistant");
            json.WriteString("model", input.Model);
            json.WriteStartArray("content");
            json.WriteStartObject();
            if (reply.ToolName is { } tool)
            {
                json.WriteString("type", "tool_use");
                json.WriteString("id", toolId);
                json.WriteString("name", tool);
                json.WriteStartObject("input");
                json.WriteEndObject();
            }
            else
            {
                json.WriteString("type", "text");
                json.WriteString("text", reply.Text);
            }

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("stop_reason", StopReason(reply.Finish));
            json.WriteNull("stop_sequence");
            WriteUsage(json, reply, reply.CompletionTokens);
            json.WriteEndObject();
            await JsonReply.SendAsync(context);
            return;
        }

        using var sink = await StreamSink.StartAsync(context, plan, "text/event-stream");
        var start = sink.Json();
        start.WriteStartObject();
        start.WriteString("type", "message_start");
        start.WriteStartObject("message");
        start.WriteString("id", id);
        start.WriteString("type", "message");
        start.WriteString("role", "assistant");
        start.WriteString("model", input.Model);
        start.WriteStartArray("content");
        start.WriteEndArray();
        start.WriteNull("stop_reason");
        start.WriteNull("stop_sequence");
        WriteUsage(start, reply, 1);
        start.WriteEndObject();
        start.WriteEndObject();
        await sink.SseAsync("message_start", content: false);

        var blockStart = sink.Json();
        blockStart.WriteStartObject();
        blockStart.WriteString("type", "content_block_start");
        blockStart.WriteNumber("index", 0);
        blockStart.WriteStartObject("content_block");
        if (reply.ToolName is { } toolName)
        {
            blockStart.WriteString("type", "tool_use");
            blockStart.WriteString("id", toolId);
            blockStart.WriteString("name", toolName);
            blockStart.WriteStartObject("input");
            blockStart.WriteEndObject();
        }
        else
        {
            blockStart.WriteString("type", "text");
            blockStart.WriteString("text", "");
        }

        blockStart.WriteEndObject();
        blockStart.WriteEndObject();
        await sink.SseAsync("content_block_start", content: false);

        var ping = sink.Json();
        ping.WriteStartObject();
        ping.WriteString("type", "ping");
        ping.WriteEndObject();
        await sink.SseAsync("ping", content: false);

        if (reply.ToolName is not null)
        {
            // The input JSON arrives in two partial pieces, as a client must join them.
            foreach (var partial in new[] { "", FakeReply.ToolArguments })
            {
                var delta = BlockDelta(sink);
                delta.WriteString("type", "input_json_delta");
                delta.WriteString("partial_json", partial);
                delta.WriteEndObject();
                delta.WriteEndObject();
                await sink.SseAsync("content_block_delta", content: true);
            }
        }

        foreach (var piece in reply.Pieces)
        {
            var delta = BlockDelta(sink);
            delta.WriteString("type", "text_delta");
            delta.WriteString("text", piece);
            delta.WriteEndObject();
            delta.WriteEndObject();
            await sink.SseAsync("content_block_delta", content: true);
        }

        var blockStop = sink.Json();
        blockStop.WriteStartObject();
        blockStop.WriteString("type", "content_block_stop");
        blockStop.WriteNumber("index", 0);
        blockStop.WriteEndObject();
        await sink.SseAsync("content_block_stop", content: false);

        var messageDelta = sink.Json();
        messageDelta.WriteStartObject();
        messageDelta.WriteString("type", "message_delta");
        messageDelta.WriteStartObject("delta");
        messageDelta.WriteString("stop_reason", StopReason(reply.Finish));
        messageDelta.WriteNull("stop_sequence");
        messageDelta.WriteEndObject();
        messageDelta.WriteStartObject("usage");
        messageDelta.WriteNumber("output_tokens", reply.CompletionTokens);
        messageDelta.WriteEndObject();
        messageDelta.WriteEndObject();
        await sink.SseAsync("message_delta", content: false);

        var stop = sink.Json();
        stop.WriteStartObject();
        stop.WriteString("type", "message_stop");
        stop.WriteEndObject();
        await sink.SseAsync("message_stop", content: false);
    }

    private static Utf8JsonWriter BlockDelta(StreamSink sink)
    {
        var json = sink.Json();
        json.WriteStartObject();
        json.WriteString("type", "content_block_delta");
        json.WriteNumber("index", 0);
        json.WriteStartObject("delta");
        return json;
    }

    // Anthropic's input_tokens leave out the cache reads and writes; thinking tokens are inside output_tokens.
    private static void WriteUsage(Utf8JsonWriter json, FakeReply reply, int output)
    {
        json.WriteStartObject("usage");
        json.WriteNumber("input_tokens", reply.UncachedPromptTokens);
        json.WriteNumber("cache_creation_input_tokens", reply.CacheCreationTokens);
        json.WriteNumber("cache_read_input_tokens", reply.CacheReadTokens);
        json.WriteNumber("output_tokens", output);
        json.WriteEndObject();
    }

    private static string StopReason(FakeFinish finish) => finish switch
    {
        FakeFinish.Length => "max_tokens",
        FakeFinish.ToolCall => "tool_use",
        _ => "end_turn",
    };
}
