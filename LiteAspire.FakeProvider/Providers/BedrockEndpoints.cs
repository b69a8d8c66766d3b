using System.Diagnostics;

namespace LiteAspire.FakeProvider.Providers;

/// <summary>AWS Bedrock Runtime's Converse and ConverseStream (binary event-stream frames), and Titan embeddings through invoke.</summary>
internal static class BedrockEndpoints
{
    public static IEndpointRouteBuilder MapBedrock(this IEndpointRouteBuilder app)
    {
        app.MapPost("/model/{modelId}/converse", context => ConverseAsync(context, stream: false));
        app.MapPost("/model/{modelId}/converse-stream", context => ConverseAsync(context, stream: true));
        app.MapPost("/model/{modelId}/invoke", FakeGate.Json(FakeWire.Bedrock, InvokeEmbeddingAsync));
        return app;
    }

    internal static ChatInput ReadInput(JsonElement root, string model)
    {
        var input = new ChatInput { Model = model };
        if (root.TryGetProperty("system", out var system))
        {
            input.AddMessage("system", ChatInput.TextOf(system));
        }

        OpenAIRequests.AddMessages(input, root);

        if (root.TryGetProperty("inferenceConfig", out var config))
        {
            input.MaxTokens = OpenAIRequests.Int(config, "maxTokens");
        }

        if (root.TryGetProperty("toolConfig", out var toolConfig) && toolConfig.TryGetProperty("tools", out var tools)
            && tools.ValueKind == JsonValueKind.Array && tools.GetArrayLength() > 0)
        {
            var named = toolConfig.TryGetProperty("toolChoice", out var choice) && choice.TryGetProperty("tool", out var tool)
                ? OpenAIRequests.String(tool, "name")
                : null;
            input.ToolName = named ?? (tools[0].TryGetProperty("toolSpec", out var spec) ? OpenAIRequests.String(spec, "name") : null) ?? "tool";
        }

        return input;
    }

    private static async Task ConverseAsync(HttpContext context, bool stream)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = await FakeGate.PassJsonAsync(context, FakeWire.Bedrock);
        if (request is null)
        {
            return;
        }

        var plan = request.Plan;
        var model = Uri.UnescapeDataString(context.Request.RouteValues["modelId"] as string ?? "");
        var input = ReadInput(request.Root, model);
        var reply = FakeReply.For(input);
        var toolUseId = "tooluse_" + FakeIds.Hex24(reply.Id);
        if (!stream)
        {
            var json = JsonReply.Start();
            json.WriteStartObject();
            json.WriteStartObject("output");
            json.WriteStartObject("message");
            json.WriteString("role", "assistant");
            json.WriteStartArray("content");
            json.WriteStartObject();
            if (reply.ToolName is { } tool)
            {
                json.WriteStartObject("toolUse");
                json.WriteString("toolUseId", toolUseId);
                json.WriteString("name", tool);
                json.WriteStartObject("input");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            else
            {
                json.WriteString("text", reply.Text);
            }

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("stopReason", StopReason(reply.Finish));
            WriteUsage(json, reply);
            WriteMetrics(json, started);
            json.WriteEndObject();
            await JsonReply.SendAsync(context);
            return;
        }

        using var sink = await StreamSink.StartAsync(context, plan, "application/vnd.amazon.eventstream");
        var start = sink.Json();
        start.WriteStartObject();
        start.WriteString("role", "assistant");
        start.WriteEndObject();
        await sink.EventStreamAsync("messageStart", content: false);
        if (reply.ToolName is { } toolName)
        {
            var blockStart = sink.Json();
            blockStart.WriteStartObject();
            blockStart.WriteNumber("contentBlockIndex", 0);
            blockStart.WriteStartObject("start");
            blockStart.WriteStartObject("toolUse");
            blockStart.WriteString("toolUseId", toolUseId);
            blockStart.WriteString("name", toolName);
            blockStart.WriteEndObject();
            blockStart.WriteEndObject();
            blockStart.WriteEndObject();
            await sink.EventStreamAsync("contentBlockStart", content: false);
            var delta = sink.Json();
            delta.WriteStartObject();
            delta.WriteNumber("contentBlockIndex", 0);
            delta.WriteStartObject("delta");
            delta.WriteStartObject("toolUse");
            delta.WriteString("input", FakeReply.ToolArguments);
            delta.WriteEndObject();
            delta.WriteEndObject();
            delta.WriteEndObject();
            await sink.EventStreamAsync("contentBlockDelta", content: true);
        }

        foreach (var piece in reply.Pieces)
        {
            var delta = sink.Json();
            delta.WriteStartObject();
            delta.WriteNumber("contentBlockIndex", 0);
            delta.WriteStartObject("delta");
            delta.WriteString("text", piece);
            delta.WriteEndObject();
            delta.WriteEndObject();
            await sink.EventStreamAsync("contentBlockDelta", content: true);
        }

        var blockStop = sink.Json();
        blockStop.WriteStartObject();
        blockStop.WriteNumber("contentBlockIndex", 0);
        blockStop.WriteEndObject();
        await sink.EventStreamAsync("contentBlockStop", content: false);

        var stop = sink.Json();
        stop.WriteStartObject();
        stop.WriteString("stopReason", StopReason(reply.Finish));
        stop.WriteEndObject();
        await sink.EventStreamAsync("messageStop", content: false);

        var metadata = sink.Json();
        metadata.WriteStartObject();
        WriteUsage(metadata, reply);
        WriteMetrics(metadata, started);
        metadata.WriteEndObject();
        await sink.EventStreamAsync("metadata", content: false);
    }

    /// <summary>Titan text embeddings (<c>{"inputText","dimensions"}</c>), the embedding model LiteLLM calls through invoke.</summary>
    private static async Task InvokeEmbeddingAsync(HttpContext context, GatedRequest request)
    {
        var root = request.Root;
        if (OpenAIRequests.String(root, "inputText") is not { } text)
        {
            await ProviderErrors.WriteAsync(context, FakeWire.Bedrock, 400, "The fake serves invoke for Titan embeddings only: inputText is required.");
            return;
        }

        var json = JsonReply.Start();
        json.WriteStartObject();
        json.WritePropertyName("embedding");
        FakeVectors.Write(json, FakeVectors.For(text, OpenAIRequests.Int(root, "dimensions") ?? FakeVectors.DefaultDimensions));
        json.WriteNumber("inputTextTokenCount", FakeReply.PromptTokensFor(text.Length));
        json.WriteEndObject();
        await JsonReply.SendAsync(context);
    }

    private static void WriteUsage(Utf8JsonWriter json, FakeReply reply)
    {
        // Converse's inputTokens leave out the cache reads and writes, as Anthropic's do.
        json.WriteStartObject("usage");
        json.WriteNumber("inputTokens", reply.UncachedPromptTokens);
        json.WriteNumber("outputTokens", reply.CompletionTokens);
        json.WriteNumber("totalTokens", reply.TotalTokens);
        if (reply.CacheReadTokens > 0 || reply.CacheCreationTokens > 0)
        {
            json.WriteNumber("cacheReadInputTokens", reply.CacheReadTokens);
            json.WriteNumber("cacheWriteInputTokens", reply.CacheCreationTokens);
        }

        json.WriteEndObject();
    }

    private static void WriteMetrics(Utf8JsonWriter json, long started)
    {
        json.WriteStartObject("metrics");
        json.WriteNumber("latencyMs", (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        json.WriteEndObject();
    }

    private static string StopReason(FakeFinish finish) => finish switch
    {
        FakeFinish.Length => "max_tokens",
        FakeFinish.ToolCall => "tool_use",
        _ => "end_turn",
    };
}
