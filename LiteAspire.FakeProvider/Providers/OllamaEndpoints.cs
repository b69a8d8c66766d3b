namespace LiteAspire.FakeProvider.Providers;

/// <summary>Ollama's native API: chat and generate (NDJSON streaming by default), embed, tags.</summary>
internal static class OllamaEndpoints
{
    /// <summary>The models /api/tags lists.</summary>
    public static readonly string[] Models = ["llama3.2:latest", "nomic-embed-text:latest"];

    public static IEndpointRouteBuilder MapOllama(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chat", FakeGate.Json(FakeWire.Ollama, (context, request) => GenerateAsync(context, request, chat: true)));
        app.MapPost("/api/generate", FakeGate.Json(FakeWire.Ollama, (context, request) => GenerateAsync(context, request, chat: false)));
        app.MapPost("/api/embed", FakeGate.Json(FakeWire.Ollama, EmbedAsync));
        app.MapGet("/api/tags", TagsAsync);
        return app;
    }

    private static async Task GenerateAsync(HttpContext context, GatedRequest request, bool chat)
    {
        var plan = request.Plan;
        var root = request.Root;
        ChatInput input;
        if (chat)
        {
            input = OpenAIRequests.ChatInput(root);
        }
        else
        {
            input = new ChatInput { Model = OpenAIRequests.String(root, "model") ?? "llama3.2" };
            if (OpenAIRequests.String(root, "system") is { } system)
            {
                input.AddMessage("system", system);
            }

            input.AddMessage("user", OpenAIRequests.String(root, "prompt") ?? "");
        }

        // Ollama streams unless told "stream": false.
        input.Stream = !(root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.False);
        if (root.TryGetProperty("options", out var options))
        {
            input.MaxTokens = OpenAIRequests.Int(options, "num_predict");
        }

        var reply = FakeReply.For(input);
        var createdAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture);
        if (!input.Stream)
        {
            var json = JsonReply.Start();
            WriteFrame(json, input.Model, createdAt, chat, reply.Text, reply.ToolName);
            WriteDone(json, reply);
            json.WriteEndObject();
            await JsonReply.SendAsync(context);
            return;
        }

        using var sink = await StreamSink.StartAsync(context, plan, "application/x-ndjson");
        if (reply.ToolName is { } tool)
        {
            await SendPartAsync(sink, input.Model, createdAt, chat, "", tool);
        }

        foreach (var piece in reply.Pieces)
        {
            await SendPartAsync(sink, input.Model, createdAt, chat, piece, null);
        }

        var last = sink.Json();
        WriteFrame(last, input.Model, createdAt, chat, "", null);
        WriteDone(last, reply);
        last.WriteEndObject();
        await sink.LineAsync(content: false);
    }

    private static Task SendPartAsync(StreamSink sink, string model, string createdAt, bool chat, string text, string? tool)
    {
        var json = sink.Json();
        WriteFrame(json, model, createdAt, chat, text, tool);
        json.WriteBoolean("done", false);
        json.WriteEndObject();
        return sink.LineAsync(content: true);
    }

    /// <summary>Opens a frame with model, created_at and the text (as message or response); the caller adds done and closes it.</summary>
    private static void WriteFrame(Utf8JsonWriter json, string model, string createdAt, bool chat, string text, string? tool)
    {
        json.WriteStartObject();
        json.WriteString("model", model);
        json.WriteString("created_at", createdAt);
        if (chat)
        {
            json.WriteStartObject("message");
            json.WriteString("role", "assistant");
            json.WriteString("content", text);
            if (tool is not null)
            {
                json.WriteStartArray("tool_calls");
                json.WriteStartObject();
                json.WriteStartObject("function");
                json.WriteString("name", tool);
                json.WriteStartObject("arguments");
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }
        else
        {
            json.WriteString("response", text);
        }
    }

    private static void WriteDone(Utf8JsonWriter json, FakeReply reply)
    {
        json.WriteBoolean("done", true);
        json.WriteString("done_reason", reply.Finish == FakeFinish.Length ? "length" : "stop");
        json.WriteNumber("total_duration", 1_000_000);
        json.WriteNumber("load_duration", 0);
        json.WriteNumber("prompt_eval_count", reply.PromptTokens);
        json.WriteNumber("prompt_eval_duration", 100_000);
        json.WriteNumber("eval_count", reply.CompletionTokens);
        json.WriteNumber("eval_duration", 900_000);
    }

    private static async Task EmbedAsync(HttpContext context, GatedRequest request)
    {
        var root = request.Root;
        var texts = OpenAIRequests.Inputs(root);
        var dimensions = OpenAIRequests.Int(root, "dimensions") ?? FakeVectors.DefaultDimensions;
        var json = JsonReply.Start();
        json.WriteStartObject();
        json.WriteString("model", OpenAIRequests.String(root, "model") ?? "nomic-embed-text");
        json.WriteStartArray("embeddings");
        var characters = FakeVectors.WriteEach(json, texts, dimensions);

        json.WriteEndArray();
        json.WriteNumber("total_duration", 1_000_000);
        json.WriteNumber("load_duration", 0);
        json.WriteNumber("prompt_eval_count", FakeReply.PromptTokensFor(characters));
        json.WriteEndObject();
        await JsonReply.SendAsync(context);
    }

    private static async Task TagsAsync(HttpContext context)
    {
        if (await FakeGate.PassAsync(context, FakeWire.Ollama) is null)
        {
            return;
        }

        var json = JsonReply.Start();
        json.WriteStartObject();
        json.WriteStartArray("models");
        foreach (var model in Models)
        {
            json.WriteStartObject();
            json.WriteString("name", model);
            json.WriteString("model", model);
            json.WriteString("modified_at", "2024-01-01T00:00:00Z");
            json.WriteNumber("size", 1_000_000);
            json.WriteString("digest", FakeIds.Hex("digest", model, 0));
            json.WriteStartObject("details");
            json.WriteString("format", "gguf");
            json.WriteString("family", "fake");
            json.WriteString("parameter_size", "1B");
            json.WriteString("quantization_level", "Q4_0");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await JsonReply.SendAsync(context);
    }
}
