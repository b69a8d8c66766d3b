namespace LiteAspire.FakeProvider.Providers;

/// <summary>
/// Gemini (Google AI Studio, <c>/v1beta/models/{model}:{method}</c>) and Vertex AI
/// (<c>/v1/projects/{p}/locations/{l}/publishers/google/models/{model}:{method}</c>), plus an OAuth token endpoint.
/// </summary>
internal static class GoogleEndpoints
{
    public static IEndpointRouteBuilder MapGoogle(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1beta/models/{call}", ModelCallAsync);
        app.MapPost("/v1/projects/{project}/locations/{location}/publishers/google/models/{call}", ModelCallAsync);
        app.MapPost("/v1beta1/projects/{project}/locations/{location}/publishers/google/models/{call}", ModelCallAsync);
        app.MapPost("/token", TokenAsync);
        return app;
    }

    /// <summary>Google's route puts the method after a colon in the last segment: split it there.</summary>
    private static Task ModelCallAsync(HttpContext context)
    {
        var call = context.Request.RouteValues["call"] as string ?? "";
        var colon = call.LastIndexOf(':');
        var model = colon < 0 ? call : call[..colon];
        var method = colon < 0 ? "" : call[(colon + 1)..];
        return method switch
        {
            "generateContent" => GenerateAsync(context, model, stream: false),
            "streamGenerateContent" => GenerateAsync(context, model, stream: true),
            "embedContent" or "batchEmbedContents" or "predict" => EmbedAsync(context, method),
            "countTokens" => CountTokensAsync(context),
            _ => ProviderErrors.WriteAsync(context, FakeWire.Google, 404, $"Method '{method}' is not found for model '{model}'."),
        };
    }

    internal static ChatInput ReadInput(JsonElement root, string model)
    {
        var input = new ChatInput { Model = model };
        if (root.TryGetProperty("systemInstruction", out var system) || root.TryGetProperty("system_instruction", out system))
        {
            input.AddMessage("system", ChatInput.TextOf(system));
        }

        if (root.TryGetProperty("contents", out var contents) && contents.ValueKind == JsonValueKind.Array)
        {
            foreach (var content in contents.EnumerateArray())
            {
                input.AddMessage(OpenAIRequests.String(content, "role") ?? "user", ChatInput.TextOf(content));
            }
        }

        if (root.TryGetProperty("generationConfig", out var config))
        {
            input.MaxTokens = OpenAIRequests.Int(config, "maxOutputTokens");
        }

        var mode = root.TryGetProperty("toolConfig", out var toolConfig) && toolConfig.TryGetProperty("functionCallingConfig", out var calling)
            ? OpenAIRequests.String(calling, "mode")
            : null;
        if (mode != "NONE" && root.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array)
        {
            foreach (var tool in tools.EnumerateArray())
            {
                if ((tool.TryGetProperty("functionDeclarations", out var declarations) || tool.TryGetProperty("function_declarations", out declarations))
                    && declarations.ValueKind == JsonValueKind.Array && declarations.GetArrayLength() > 0)
                {
                    input.ToolName = OpenAIRequests.String(declarations[0], "name") ?? "tool";
                    break;
                }
            }
        }

        return input;
    }

    private static async Task GenerateAsync(HttpContext context, string model, bool stream)
    {
        using var request = await FakeGate.PassJsonAsync(context, FakeWire.Google);
        if (request is null)
        {
            return;
        }

        var plan = request.Plan;
        var input = ReadInput(request.Root, model);
        var reply = FakeReply.For(input);
        if (!stream)
        {
            var json = JsonReply.Start();
            WriteResponse(json, reply, model, reply.ToolName is null ? reply.Text : null, final: true);
            await JsonReply.SendAsync(context);
            return;
        }

        if (context.Request.Query["alt"].ToString() != "sse")
        {
            // Without alt=sse Gemini streams one JSON array of responses.
            var array = JsonReply.Start();
            array.WriteStartArray();
            WriteStreamResponses(reply, model, (last, text) => WriteResponse(array, reply, model, text, last));
            array.WriteEndArray();
            await JsonReply.SendAsync(context);
            return;
        }

        using var sink = await StreamSink.StartAsync(context, plan, "text/event-stream");
        var count = reply.ToolName is null ? reply.Pieces.Length : 1;
        for (var i = 0; i < count && !sink.Closed; i++)
        {
            var last = i == count - 1;
            WriteResponse(sink.Json(), reply, model, reply.ToolName is null ? reply.Pieces[i] : null, last);
            await sink.SseAsync(null, content: true, crlf: true);
        }
    }

    private static void WriteStreamResponses(FakeReply reply, string model, Action<bool, string?> write)
    {
        if (reply.ToolName is not null)
        {
            write(true, null);
            return;
        }

        for (var i = 0; i < reply.Pieces.Length; i++)
        {
            write(i == reply.Pieces.Length - 1, reply.Pieces[i]);
        }
    }

    /// <summary>One GenerateContentResponse; <paramref name="text"/> null means the function call; the final one carries finishReason and full usage.</summary>
    private static void WriteResponse(Utf8JsonWriter json, FakeReply reply, string model, string? text, bool final)
    {
        json.WriteStartObject();
        json.WriteStartArray("candidates");
        json.WriteStartObject();
        json.WriteStartObject("content");
        json.WriteStartArray("parts");
        json.WriteStartObject();
        if (text is null)
        {
            json.WriteStartObject("functionCall");
            json.WriteString("name", reply.ToolName);
            json.WriteStartObject("args");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        else
        {
            json.WriteString("text", text);
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("role", "model");
        json.WriteEndObject();
        if (final)
        {
            json.WriteString("finishReason", reply.Finish == FakeFinish.Length ? "MAX_TOKENS" : "STOP");
        }

        json.WriteNumber("index", 0);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("usageMetadata");
        json.WriteNumber("promptTokenCount", reply.PromptTokens);
        if (final)
        {
            // Gemini counts thoughts apart from the candidates, and cached content inside the prompt.
            json.WriteNumber("candidatesTokenCount", reply.CompletionTokens - reply.ReasoningTokens);
            json.WriteNumber("totalTokenCount", reply.TotalTokens);
            if (reply.ReasoningTokens > 0)
            {
                json.WriteNumber("thoughtsTokenCount", reply.ReasoningTokens);
            }

            if (reply.CacheReadTokens > 0)
            {
                json.WriteNumber("cachedContentTokenCount", reply.CacheReadTokens);
            }
        }
        else
        {
            json.WriteNumber("totalTokenCount", reply.PromptTokens);
        }

        json.WriteEndObject();
        json.WriteString("modelVersion", model);
        json.WriteString("responseId", "fake" + reply.Id);
        json.WriteEndObject();
    }

    private static async Task EmbedAsync(HttpContext context, string method)
    {
        using var request = await FakeGate.PassJsonAsync(context, FakeWire.Google);
        if (request is null)
        {
            return;
        }

        var root = request.Root;
        var json = JsonReply.Start();
        json.WriteStartObject();
        switch (method)
        {
            case "embedContent":
                json.WritePropertyName("embedding");
                WriteValues(json, root);
                break;
            case "batchEmbedContents":
                json.WriteStartArray("embeddings");
                if (root.TryGetProperty("requests", out var requests) && requests.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in requests.EnumerateArray())
                    {
                        WriteValues(json, item);
                    }
                }

                json.WriteEndArray();
                break;
            default:
                // Vertex's text-embedding :predict: instances in, predictions with statistics out.
                var dimensions = root.TryGetProperty("parameters", out var parameters) ? OpenAIRequests.Int(parameters, "outputDimensionality") : null;
                json.WriteStartArray("predictions");
                if (root.TryGetProperty("instances", out var instances) && instances.ValueKind == JsonValueKind.Array)
                {
                    foreach (var instance in instances.EnumerateArray())
                    {
                        var text = OpenAIRequests.String(instance, "content") ?? "";
                        json.WriteStartObject();
                        json.WriteStartObject("embeddings");
                        WriteFloats(json, FakeVectors.For(text, dimensions ?? FakeVectors.DefaultDimensions));
                        json.WriteStartObject("statistics");
                        json.WriteNumber("token_count", FakeReply.PromptTokensFor(text.Length));
                        json.WriteBoolean("truncated", false);
                        json.WriteEndObject();
                        json.WriteEndObject();
                        json.WriteEndObject();
                    }
                }

                json.WriteEndArray();
                break;
        }

        json.WriteEndObject();
        await JsonReply.SendAsync(context);
    }

    private static void WriteValues(Utf8JsonWriter json, JsonElement request)
    {
        var text = request.TryGetProperty("content", out var content) ? ChatInput.TextOf(content) : "";
        var dimensions = OpenAIRequests.Int(request, "outputDimensionality") ?? FakeVectors.DefaultDimensions;
        json.WriteStartObject();
        WriteFloats(json, FakeVectors.For(text, dimensions));
        json.WriteEndObject();
    }

    private static void WriteFloats(Utf8JsonWriter json, float[] vector)
    {
        json.WritePropertyName("values");
        FakeVectors.Write(json, vector);
    }

    private static async Task CountTokensAsync(HttpContext context)
    {
        using var request = await FakeGate.PassJsonAsync(context, FakeWire.Google);
        if (request is null)
        {
            return;
        }

        var input = ReadInput(request.Root, "");
        var json = JsonReply.Start();
        json.WriteStartObject();
        json.WriteNumber("totalTokens", FakeReply.PromptTokensFor(input.PromptChars));
        json.WriteEndObject();
        await JsonReply.SendAsync(context);
    }

    /// <summary>Google's OAuth token endpoint for the service-account JWT flow: any assertion gets a token.</summary>
    private static async Task TokenAsync(HttpContext context)
    {
        if (await FakeGate.PassAsync(context, FakeWire.Ollama) is null)
        {
            return;
        }

        var assertion = "";
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            assertion = form["assertion"].ToString();
        }

        var json = JsonReply.Start();
        json.WriteStartObject();
        json.WriteString("access_token", "ya29.fake-" + FakeIds.Hex("token", assertion, assertion.Length));
        json.WriteNumber("expires_in", 3599);
        json.WriteString("token_type", "Bearer");
        json.WriteEndObject();
        await JsonReply.SendAsync(context);
    }
}
