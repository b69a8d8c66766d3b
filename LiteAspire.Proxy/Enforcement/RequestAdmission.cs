using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Limits;

namespace LiteAspire.Proxy.Enforcement;

/// <summary>
/// What every LLM request passes before the upstream call, in LiteLLM's order: model access (key, team, user,
/// organization), budgets, then rate limits (one atomic check of every level). The master key is not limited.
/// </summary>
public sealed class RequestAdmission(ModelAccess access, BudgetEnforcer budgets, EndUserEnforcer endUsers, IRateLimiter limiter)
{
    /// <summary>
    /// Admits the authenticated caller of <paramref name="context"/> to <paramref name="modelGroup"/> on behalf of the customer
    /// <paramref name="endUserId"/> (the body's <c>user</c>, or null), or throws the refusal (401, 400, 429).
    /// </summary>
    public async ValueTask<AdmissionTicket> AdmitAsync(HttpContext context, string modelGroup, string? endUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = context.Features.Get<ApiKeyAuth>();
        var endUser = await endUsers.CheckAsync(endUserId, cancellationToken).ConfigureAwait(false);
        if (caller is null || caller.IsMasterKey)
        {
            return new AdmissionTicket(caller, endUserId, endUser is null ? [] : [endUser], RateLimitLease.None, budgets);
        }

        access.Check(caller, modelGroup);
        var scopes = budgets.ScopesOf(caller);
        await budgets.CheckAsync(scopes, cancellationToken).ConfigureAwait(false);
        if (endUser is not null)
        {
            scopes = [.. scopes, endUser];
        }

        var descriptors = RateLimitDescriptors.Of(caller, modelGroup);
        var lease = descriptors.Count == 0 ? RateLimitLease.None : await limiter.AcquireAsync(descriptors, cancellationToken).ConfigureAwait(false);
        lease.AddHeaders(context.Response.Headers);
        return new AdmissionTicket(caller, endUserId, scopes, lease, budgets);
    }
}
