using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.FakeProvider.Providers;

/// <summary>OpenAI chat completions and legacy completions, also served under Azure's deployment paths.</summary>
internal static class OpenAIChatEndpoints
{
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    public static IEndpointRouteBuilder MapOpenAIChat(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/chat/completions", context => ChatAsync(context, FakeWire.OpenAI, null));
        app.MapPost("/v1/completions", context => CompletionsAsync(context, FakeWire.OpenAI, null));
        app.MapPost("/openai/deployments/{deployment}/chat/completions", context => AzureAsync(context, ChatAsync));
        app.MapPost("/openai/deployments/{deployment}/completions", context => AzureAsync(context, CompletionsAsync));
        // Azure's v1 surface (no deployment in the path, no api-version required).
        app.MapPost("/openai/v1/chat/completions", context => ChatAsync(context, FakeWire.Azure, null));
        return app;
    }

    /// <summary>Azure's deployment route: requires api-version, names the deployment as the model when the body has none.</summary>
    internal static Task AzureAsync(HttpContext context, Func<HttpContext, FakeWire, string?, Task> handler)
    {
        if (context.Request.Query["api-version"].ToString().Length == 0)
        {
            return ProviderErrors.WriteAsync(context, FakeWire.Azure, StatusCodes.Status404NotFound, "Resource not found: the api-version query parameter is required.");
        }

        return handler(context, FakeWire.Azure, context.Request.RouteValues["deployment"] as string);
    }

    private static async Task ChatAsync(HttpContext context, FakeWire wire, string? deployment)
    {
        using var request = await FakeGate.PassJsonAsync(context, wire);
        if (request is null)
        {
            return;
        }

        var plan = request.Plan;
        var input = OpenAIRequests.ChatInput(request.Root);
        if (deployment is not null && OpenAIRequests.String(request.Root, "model") is null)
        {
            input.Model = deployment;
        }

        var window = context.RequestServices.GetRequiredService<FakeRuntime>().Options.ContextWindowTokens;
        if (window > 0 && FakeReply.PromptTokensFor(input.PromptChars) is var prompt && prompt > window)
        {
            // OpenAI's documented wording and code for a prompt over the window.
            var message = $"This model's maximum context length is {window} tokens. However, your messages resulted in {prompt} tokens. Please reduce the length of the messages.";
            await ProviderErrors.WriteAsync(context, wire, StatusCodes.Status400BadRequest, message,
                "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}");
            return;
        }

        var reply = FakeReply.For(input);
        var id = "chatcmpl-fake" + reply.Id;
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (!input.Stream)
        {
            var json = JsonReply.Start();
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("object", "chat.completion");
            json.WriteNumber("created", created);
            json.WriteString("model", input.Model);
            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            json.WriteStartObject("message");
            json.WriteString("role", "assistant");
            if (reply.ToolName is { } tool)
            {
                json.WriteNull("content");
                json.WriteStartArray("tool_calls");
                WriteToolCall(json, reply, tool);
                json.WriteEndArray();
            }
            else
            {
                json.WriteString("content", reply.Text);
            }

            json.WriteNull("refusal");
            json.WriteEndObject();
            json.WriteNull("logprobs");
            json.WriteString("finish_reason", FinishReason(reply.Finish));
            json.WriteEndObject();
            json.WriteEndArray();
            if (reply.ReportsUsage)
            {
                WriteUsage(json, reply);
            }

            json.WriteString("system_fingerprint", "fp_fake");
            json.WriteEndObject();
            await JsonReply.SendAsync(context);
            return;
        }

        using var sink = await StreamSink.StartAsync(context, plan, "text/event-stream");
        var usage = input.IncludeUsage && reply.ReportsUsage;
        var chunk = StartChunk(sink, id, created, input.Model, usage);
        chunk.WriteStartObject("delta");
        chunk.WriteString("role", "assistant");
        chunk.WriteString("content", "");
        chunk.WriteEndObject();
        await EndChunk(sink, chunk, null, content: false);
        if (reply.ToolName is { } toolName)
        {
            chunk = StartChunk(sink, id, created, input.Model, usage);
            chunk.WriteStartObject("delta");
            chunk.WriteStartArray("tool_calls");
            chunk.WriteStartObject();
            chunk.WriteNumber("index", 0);
            chunk.WriteString("id", "call_" + FakeIds.Hex24(reply.Id));
            chunk.WriteString("type", "function");
            chunk.WriteStartObject("function");
            chunk.WriteString("name", toolName);
            chunk.WriteString("arguments", "");
            chunk.WriteEndObject();
            chunk.WriteEndObject();
            chunk.WriteEndArray();
            chunk.WriteEndObject();
            await EndChunk(sink, chunk, null, content: true);
            chunk = StartChunk(sink, id, created, input.Model, usage);
            chunk.WriteStartObject("delta");
            chunk.WriteStartArray("tool_calls");
            chunk.WriteStartObject();
            chunk.WriteNumber("index", 0);
            chunk.WriteStartObject("function");
            chunk.WriteString("arguments", FakeReply.ToolArguments);
            chunk.WriteEndObject();
            chunk.WriteEndObject();
            chunk.WriteEndArray();
            chunk.WriteEndObject();
            await EndChunk(sink, chunk, null, content: true);
        }

        foreach (var piece in reply.Pieces)
        {
            chunk = StartChunk(sink, id, created, input.Model, usage);
            chunk.WriteStartObject("delta");
            chunk.WriteString("content", piece);
            chunk.WriteEndObject();
            await EndChunk(sink, chunk, null, content: true);
        }

        chunk = StartChunk(sink, id, created, input.Model, usage);
        chunk.WriteStartObject("delta");
        chunk.WriteEndObject();
        await EndChunk(sink, chunk, FinishReason(reply.Finish), content: false);
        if (usage)
        {
            var last = sink.Json();
            last.WriteStartObject();
            last.WriteString("id", id);
            last.WriteString("object", "chat.completion.chunk");
            last.WriteNumber("created", created);
            last.WriteString("model", input.Model);
            last.WriteStartArray("choices");
            last.WriteEndArray();
            WriteUsage(last, reply);
            last.WriteEndObject();
            await sink.SseAsync(null, content: false);
        }

        await sink.RawAsync(Done);
    }

    private static Utf8JsonWriter StartChunk(StreamSink sink, string id, long created, string model, bool usage)
    {
        var json = sink.Json();
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("object", "chat.completion.chunk");
        json.WriteNumber("created", created);
        json.WriteString("model", model);
        json.WriteString("system_fingerprint", "fp_fake");
        if (usage)
        {
            // With include_usage every chunk carries "usage": null until the final usage chunk.
            json.WriteNull("usage");
        }

        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        return json;
    }

    private static Task EndChunk(StreamSink sink, Utf8JsonWriter json, string? finishReason, bool content)
    {
        json.WriteNull("logprobs");
        if (finishReason is null)
        {
            json.WriteNull("finish_reason");
        }
        else
        {
            json.WriteString("finish_reason", finishReason);
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        return sink.SseAsync(null, content);
    }

    private static async Task CompletionsAsync(HttpContext context, FakeWire wire, string? deployment)
    {
        using var request = await FakeGate.PassJsonAsync(context, wire);
        if (request is null)
        {
            return;
        }

        var plan = request.Plan;
        var root = request.Root;
        var input = new ChatInput
        {
            Model = OpenAIRequests.String(root, "model") ?? deployment ?? "fake-model",
            Stream = OpenAIRequests.Bool(root, "stream"),
            MaxTokens = OpenAIRequests.Int(root, "max_tokens"),
        };
        input.IncludeUsage = root.TryGetProperty("stream_options", out var options) && OpenAIRequests.Bool(options, "include_usage");
        foreach (var prompt in OpenAIRequests.Inputs(root, "prompt"))
        {
            input.AddMessage("user", prompt);
        }

        var reply = FakeReply.For(input);
        var id = "cmpl-fake" + reply.Id;
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (!input.Stream)
        {
            var json = JsonReply.Start();
            WriteCompletionHead(json, id, created, input.Model);
            json.WriteStartObject();
            json.WriteString("text", reply.Text);
            json.WriteNumber("index", 0);
            json.WriteNull("logprobs");
            json.WriteString("finish_reason", FinishReason(reply.Finish));
            json.WriteEndObject();
            json.WriteEndArray();
            WriteUsage(json, reply);
            json.WriteEndObject();
            await JsonReply.SendAsync(context);
            return;
        }

        using var sink = await StreamSink.StartAsync(context, plan, "text/event-stream");
        for (var i = 0; i <= reply.Pieces.Length; i++)
        {
            var last = i == reply.Pieces.Length;
            var json = sink.Json();
            WriteCompletionHead(json, id, created, input.Model);
            json.WriteStartObject();
            json.WriteString("text", last ? "" : reply.Pieces[i]);
            json.WriteNumber("index", 0);
            json.WriteNull("logprobs");
            if (last)
            {
                json.WriteString("finish_reason", FinishReason(reply.Finish));
            }
            else
            {
                json.WriteNull("finish_reason");
            }

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            await sink.SseAsync(null, content: !last);
        }

        if (input.IncludeUsage)
        {
            var json = sink.Json();
            WriteCompletionHead(json, id, created, input.Model);
            json.WriteEndArray();
            WriteUsage(json, reply);
            json.WriteEndObject();
            await sink.SseAsync(null, content: false);
        }

        await sink.RawAsync(Done);
    }

    private static void WriteCompletionHead(Utf8JsonWriter json, string id, long created, string model)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("object", "text_completion");
        json.WriteNumber("created", created);
        json.WriteString("model", model);
        json.WriteStartArray("choices");
    }

    private static void WriteToolCall(Utf8JsonWriter json, FakeReply reply, string tool)
    {
        json.WriteStartObject();
        json.WriteString("id", "call_" + FakeIds.Hex24(reply.Id));
        json.WriteString("type", "function");
        json.WriteStartObject("function");
        json.WriteString("name", tool);
        json.WriteString("arguments", FakeReply.ToolArguments);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    internal static void WriteUsage(Utf8JsonWriter json, FakeReply reply)
    {
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", reply.PromptTokens);
        json.WriteNumber("completion_tokens", reply.CompletionTokens);
        json.WriteNumber("total_tokens", reply.TotalTokens);
        json.WriteStartObject("prompt_tokens_details");
        json.WriteNumber("cached_tokens", reply.CacheReadTokens);
        json.WriteEndObject();
        json.WriteStartObject("completion_tokens_details");
        json.WriteNumber("reasoning_tokens", reply.ReasoningTokens);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    internal static string FinishReason(FakeFinish finish) => finish switch
    {
        FakeFinish.Length => "length",
        FakeFinish.ToolCall => "tool_calls",
        _ => "stop",
    };
}
