using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Auth;

/// <summary>
/// LiteLLM's <c>allowed_routes</c> on a key (set directly, or by <c>key_type</c>): a key that has any may call only those
/// routes. An entry is a path (<c>/chat/completions</c>), a path ending in <c>*</c> (<c>/v1/*</c>), or a group:
/// <c>llm_api_routes</c> (also <c>openai_routes</c>, <c>anthropic_routes</c>), <c>management_routes</c> or <c>info_routes</c>.
/// </summary>
public static class RouteAccess
{
    /// <summary>The endpoint tag of the LLM routes (<c>/v1/chat/completions</c>, <c>/v1/messages</c>, ...).</summary>
    public const string LlmTag = "llm";

    /// <summary>The endpoint tag of the management routes (<c>/key/*</c>, <c>/team/*</c>, ...).</summary>
    public const string ManagementTag = "management";

    // LiteLLM's info_routes that this proxy serves: what a read_only key may call.
    private static readonly HashSet<string> s_infoRoutes = new(StringComparer.Ordinal)
    {
        "/key/info", "/key/list", "/user/info", "/user/list", "/team/info", "/team/list", "/v2/team/list", "/organization/info", "/organization/list",
        "/customer/info", "/end_user/info", "/budget/info", "/budget/list", "/budget/settings", "/tag/info", "/tag/list",
        "/model/info", "/v1/model/info", "/models", "/v1/models",
    };

    /// <summary>Throws LiteLLM's 403 when <paramref name="caller"/> has allowed routes and none of them is <paramref name="request"/>'s.</summary>
    public static void Check(ApiKeyAuth caller, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (caller.IsMasterKey || caller.AllowedRoutes.Count == 0)
        {
            return;
        }

        var route = request.Path.Value ?? "/";
        foreach (var allowed in caller.AllowedRoutes)
        {
            if (Allows(allowed, route, request.HttpContext))
            {
                return;
            }
        }

        throw new GatewayException(403,
            $"Virtual key is not allowed to call this route. Only allowed to call routes: [{string.Join(", ", caller.AllowedRoutes.Select(r => $"'{r}'"))}]. Tried to call route: {route}",
            "auth_error", "None");
    }

    private static bool Allows(string allowed, string route, HttpContext context) => allowed switch
    {
        "llm_api_routes" or "openai_routes" or "anthropic_routes" => HasTag(context, LlmTag),
        "management_routes" => HasTag(context, ManagementTag),
        "info_routes" => s_infoRoutes.Contains(route),
        _ when allowed.EndsWith('*') => route.StartsWith(allowed.AsSpan(0, allowed.Length - 1), StringComparison.Ordinal),
        _ => string.Equals(allowed, route, StringComparison.Ordinal),
    };

    private static bool HasTag(HttpContext context, string tag)
    {
        foreach (var tags in context.GetEndpoint()?.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>() ?? [])
        {
            if (tags.Tags.Contains(tag))
            {
                return true;
            }
        }

        return false;
    }
}
