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
        group.MapPost("/model/new", NewModel.HandleAsync);
        group.MapPost("/model/update", UpdateModel.HandlePostAsync);
        group.MapPatch("/model/{model_id}/update", UpdateModel.HandlePatchAsync);
        group.MapPost("/model/delete", DeleteModel.HandleAsync);
        return group;
    }
}
