using LiteAspire.Proxy.Routing;

using Microsoft.AspNetCore.Mvc;

namespace LiteAspire.Proxy.Management.Models;

/// <summary>
/// LiteLLM's model management: <c>/model/new</c>, <c>/model/update</c>, <c>PATCH /model/{model_id}/update</c> and
/// <c>/model/delete</c> store deployments in <c>LiteLLM_ProxyModelTable</c> and make them routable on every replica.
/// Proxy admins only. (<c>/model/info</c> lists them with the LLM routes.)
/// </summary>
public static class ModelEndpoints
{
    /// <summary>Maps the model management routes.</summary>
    public static RouteGroupBuilder MapModelManagementEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/model/new", static (HttpContext context, ModelTableSync sync, ModelRouter router) =>
            NewModel.HandleAsync(context, sync, router));
        group.MapPost("/model/update", static (HttpContext context, ModelTableSync sync, ModelRouter router) =>
            UpdateModel.HandlePostAsync(context, sync, router));
        group.MapPatch("/model/{model_id}/update",
            static (HttpContext context, ModelTableSync sync, ModelRouter router, [FromRoute(Name = "model_id")] string modelId) =>
                UpdateModel.HandlePatchAsync(context, sync, router, modelId));
        group.MapPost("/model/delete", static (HttpContext context, ModelTableSync sync, ModelRouter router) =>
            DeleteModel.HandleAsync(context, sync, router));
        return group;
    }
}
