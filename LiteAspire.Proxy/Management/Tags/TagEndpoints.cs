using LiteAspire.Proxy.Budgets;

namespace LiteAspire.Proxy.Management.Tags;

/// <summary>LiteLLM's tag management (<c>/tag/*</c>): rows of <c>LiteLLM_TagTable</c>, with an optional budget, proxy admins only.</summary>
public static class TagEndpoints
{
    /// <summary>Maps the tag routes.</summary>
    public static RouteGroupBuilder MapTagEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        // Lambdas rather than the async methods themselves, as in the other areas: routing reads a mapped method's attributes,
        // and an async method's state-machine attribute would load the EF Core types its fields name.
        group.MapPost("/tag/new", static (HttpContext context, TagLookup tags, ILiveSpend spend, CancellationToken cancellationToken) =>
            NewTag.HandleAsync(context, tags, spend, cancellationToken));
        group.MapPost("/tag/update", static (HttpContext context, TagLookup tags, ILiveSpend spend, CancellationToken cancellationToken) =>
            UpdateTag.HandleAsync(context, tags, spend, cancellationToken));
        group.MapPost("/tag/info", static (HttpContext context, CancellationToken cancellationToken) => TagInfo.InfoAsync(context, cancellationToken));
        group.MapGet("/tag/list", static (HttpContext context, CancellationToken cancellationToken) => TagInfo.ListAsync(context, cancellationToken));
        group.MapPost("/tag/delete", static (HttpContext context, TagLookup tags, ILiveSpend spend, CancellationToken cancellationToken) =>
            DeleteTag.HandleAsync(context, tags, spend, cancellationToken));
        return group;
    }
}
