using LiteAspire.Proxy.Pipeline;

namespace LiteAspire.Proxy.Endpoints;

/// <summary><c>POST /v1/chat/completions</c> and its Azure-SDK and engines aliases.</summary>
public static class ChatCompletionsEndpoints
{
    /// <summary>Maps the chat routes.</summary>
    public static RouteGroupBuilder MapChatCompletionsEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        foreach (var prefix in LlmEndpoints.VersionPrefixes)
        {
            group.MapPost(prefix + "/chat/completions", (HttpContext context, ChatPipeline pipeline, GatewaySettings settings) =>
                HandleAsync(context, pipeline, settings, null));
            group.MapPost(prefix + "/engines/{model}/chat/completions", (HttpContext context, ChatPipeline pipeline, GatewaySettings settings, string model) =>
                HandleAsync(context, pipeline, settings, model));
            group.MapPost(prefix + "/openai/deployments/{model}/chat/completions", (HttpContext context, ChatPipeline pipeline, GatewaySettings settings, string model) =>
                HandleAsync(context, pipeline, settings, model));
        }

        return group;
    }

    /// <summary>Runs one chat completion and writes it as JSON or as server-sent events.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, ChatPipeline pipeline, GatewaySettings settings, string? routeModel)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(settings);
        var aborted = context.RequestAborted;
        var body = await RequestBody.ReadObjectAsync(context.Request, settings.MaxRequestBytes, aborted).ConfigureAwait(false);
        if (routeModel is not null)
        {
            // The Azure SDK and /engines put the model in the path; it wins over the body.
            body["model"] = routeModel;
        }

        var result = await pipeline.ExecuteAsync(body, context, aborted).ConfigureAwait(false);
        if (result.Chunks is { } chunks)
        {
            await SseWriter.WriteAsync(context, chunks, aborted).ConfigureAwait(false);
            return Results.Empty;
        }

        return result.ResponseJson.IsEmpty ? JsonBody.Result(result.Response!) : JsonBody.Result(result.ResponseJson);
    }
}
