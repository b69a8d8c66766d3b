namespace LiteAspire.Proxy.Management.Tags;

/// <summary>LiteLLM's tag management (<c>/tag/*</c>): rows of <c>LiteLLM_TagTable</c>, with an optional budget, proxy admins only.</summary>
public static class TagEndpoints
{
    /// <summary>Maps the tag routes.</summary>
    public static RouteGroupBuilder MapTagEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/tag/new", NewTag.HandleAsync);
        group.MapPost("/tag/update", UpdateTag.HandleAsync);
        group.MapPost("/tag/info", TagInfo.InfoAsync);
        group.MapGet("/tag/list", TagInfo.ListAsync);
        group.MapPost("/tag/delete", DeleteTag.HandleAsync);
        return group;
    }
}
