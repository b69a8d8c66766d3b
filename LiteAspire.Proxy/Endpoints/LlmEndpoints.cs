using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Pipeline;

namespace LiteAspire.Proxy.Endpoints;

/// <summary>The OpenAI-shaped data plane: every route with and without <c>/v1</c>, behind the call clock, error mapping and auth.</summary>
public static class LlmEndpoints
{
    /// <summary>The route prefixes every LLM route is mapped under.</summary>
    internal static readonly string[] VersionPrefixes = ["", "/v1"];

    /// <summary>Maps chat, completions, embeddings, models, images, audio, moderations, rerank and responses.</summary>
    public static RouteGroupBuilder MapLlmEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("").WithTags(RouteAccess.LlmTag);
        group.AddEndpointFilter((context, next) =>
        {
            CallTiming.Start(context.HttpContext);
            return next(context);
        });
        // The registered singletons (both stateless): AddEndpointFilter<T> would build each through ActivatorUtilities,
        // which loads and runs the expression-tree compiler at start-up.
        group.AddEndpointFilter(endpoints.ServiceProvider.GetRequiredService<GatewayErrorFilter>());
        group.AddEndpointFilter(endpoints.ServiceProvider.GetRequiredService<ProxyAuthFilter>());

        group.MapChatCompletionsEndpoints();
        group.MapCompletionsEndpoints();
        group.MapEmbeddingsEndpoints();
        group.MapModelsEndpoints();
        group.MapPassthroughEndpoints();
        return group;
    }
}
