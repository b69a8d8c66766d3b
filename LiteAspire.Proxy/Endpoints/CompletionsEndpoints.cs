using LiteAspire.Proxy.Pipeline;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Endpoints;

/// <summary><c>POST /v1/completions</c>: forwarded to OpenAI-shaped upstreams, bridged through chat for every other provider.</summary>
public static class CompletionsEndpoints
{
    /// <summary>Maps the completions routes.</summary>
    public static RouteGroupBuilder MapCompletionsEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        foreach (var prefix in LlmEndpoints.VersionPrefixes)
        {
            group.MapPost(prefix + "/completions", HandleAsync);
            group.MapPost(prefix + "/engines/{model}/completions", HandleAsync);
            group.MapPost(prefix + "/openai/deployments/{model}/completions", HandleAsync);
        }

        return group;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, RouterExecutor router, ProviderRegistry registry,
        OpenAIPassthrough passthrough, ChatPipeline chat, GatewaySettings settings)
    {
        var aborted = context.RequestAborted;
        var body = await RequestBody.ReadObjectAsync(context.Request, settings.MaxRequestBytes, aborted).ConfigureAwait(false);
        if (context.GetRouteValue("model") is string routeModel)
        {
            body["model"] = routeModel;
        }

        var route = router.Find(ChatRequestValidator.RequireModel(body));
        if (registry.OpenAIShaped(route.FirstDeployment.Provider) is not null)
        {
            await passthrough.ForwardRoutedJsonAsync(context, body, "completions", route).ConfigureAwait(false);
            return Results.Empty;
        }

        var result = await chat.ExecuteAsync(TextCompletionBridge.ToChatRequest(body), context, aborted).ConfigureAwait(false);
        if (result.Chunks is { } chunks)
        {
            await SseWriter.WriteAsync(context, TextCompletionBridge.FromChatChunks(chunks, aborted), aborted).ConfigureAwait(false);
            return Results.Empty;
        }

        return JsonBody.Result(TextCompletionBridge.FromChatResponse(result.Response!));
    }
}
