using LiteAspire.Proxy.Pipeline;

namespace LiteAspire.Proxy.Endpoints;

/// <summary><c>POST /v1/embeddings</c> and its Azure-SDK and engines aliases.</summary>
public static class EmbeddingsEndpoints
{
    /// <summary>Maps the embeddings routes.</summary>
    public static RouteGroupBuilder MapEmbeddingsEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        foreach (var prefix in LlmEndpoints.VersionPrefixes)
        {
            group.MapPost(prefix + "/embeddings", (HttpContext context, EmbeddingPipeline pipeline, GatewaySettings settings) =>
                HandleAsync(context, pipeline, settings, null));
            group.MapPost(prefix + "/engines/{model}/embeddings", (HttpContext context, EmbeddingPipeline pipeline, GatewaySettings settings, string model) =>
                HandleAsync(context, pipeline, settings, model));
            group.MapPost(prefix + "/openai/deployments/{model}/embeddings", (HttpContext context, EmbeddingPipeline pipeline, GatewaySettings settings, string model) =>
                HandleAsync(context, pipeline, settings, model));
        }

        return group;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, EmbeddingPipeline pipeline, GatewaySettings settings, string? routeModel)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request, settings.MaxRequestBytes, context.RequestAborted).ConfigureAwait(false);
        if (routeModel is not null)
        {
            body["model"] = routeModel;
        }

        var result = await pipeline.ExecuteAsync(body, context, context.RequestAborted).ConfigureAwait(false);
        return JsonBody.Result(result);
    }
}
