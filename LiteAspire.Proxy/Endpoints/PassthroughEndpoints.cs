using LiteAspire.Proxy.Pipeline;

namespace LiteAspire.Proxy.Endpoints;

/// <summary>OpenAI-shaped routes forwarded untranslated to OpenAI-shaped upstreams: images, audio, moderations, rerank, responses.</summary>
public static class PassthroughEndpoints
{
    /// <summary>Maps the pass-through routes.</summary>
    public static RouteGroupBuilder MapPassthroughEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        foreach (var prefix in LlmEndpoints.VersionPrefixes)
        {
            MapJson(group, prefix + "/images/generations", "images/generations");
            MapJson(group, prefix + "/audio/speech", "audio/speech");
            MapJson(group, prefix + "/moderations", "moderations", defaultModel: "omni-moderation-latest");
            MapJson(group, prefix + "/rerank", "rerank");
            MapJson(group, prefix + "/responses", "responses");
            group.MapPost(prefix + "/audio/transcriptions", (HttpContext context, OpenAIPassthrough passthrough) =>
                ForwardMultipartAsync(context, passthrough, "audio/transcriptions"));
            group.MapPost(prefix + "/audio/translations", (HttpContext context, OpenAIPassthrough passthrough) =>
                ForwardMultipartAsync(context, passthrough, "audio/translations"));
        }

        MapJson(group, "/v2/rerank", "rerank");
        return group;
    }

    private static void MapJson(RouteGroupBuilder group, string pattern, string operation, string? defaultModel = null) =>
        group.MapPost(pattern, async (HttpContext context, OpenAIPassthrough passthrough, GatewaySettings settings) =>
        {
            var body = await RequestBody.ReadObjectAsync(context.Request, settings.MaxRequestBytes, context.RequestAborted).ConfigureAwait(false);
            await passthrough.ForwardJsonAsync(context, body, operation, defaultModel).ConfigureAwait(false);
            return Results.Empty;
        });

    private static async Task<IResult> ForwardMultipartAsync(HttpContext context, OpenAIPassthrough passthrough, string operation)
    {
        await passthrough.ForwardMultipartAsync(context, operation).ConfigureAwait(false);
        return Results.Empty;
    }
}
