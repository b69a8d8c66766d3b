using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Limits;

namespace LiteAspire.Proxy.Enforcement;

/// <summary>
/// What every LLM request passes before the upstream call, in LiteLLM's order: model access (key, team, user,
/// organization), budgets, then rate limits (one atomic check of every level). The master key is not limited, except by
/// the budgets every request falls under (<see cref="SharedBudgets"/>: global and tags), as in LiteLLM.
/// </summary>
public sealed class RequestAdmission(ModelAccess access, BudgetEnforcer budgets, EndUserEnforcer endUsers, IRateLimiter limiter,
    SharedBudgets shared)
{
    /// <summary>
    /// Admits the authenticated caller of <paramref name="context"/> to <paramref name="modelGroup"/> on behalf of the customer
    /// <paramref name="endUserId"/> (the body's <c>user</c>, or null), carrying <paramref name="tags"/> (<see cref="RequestTags"/>),
    /// or throws the refusal (401, 400, 429).
    /// </summary>
    public async ValueTask<AdmissionTicket> AdmitAsync(HttpContext context, string modelGroup, string? endUserId, IReadOnlyList<string> tags,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tags);
        var caller = context.Features.Get<ApiKeyAuth>();
        // The body's customer wins; a JWT may name one (end_user_id_jwt_field).
        endUserId ??= caller?.EndUserId;
        var endUser = await endUsers.CheckAsync(endUserId, cancellationToken).ConfigureAwait(false);
        var common = await shared.ScopesAsync(tags, cancellationToken).ConfigureAwait(false);
        if (caller is null || caller.IsMasterKey)
        {
            await budgets.CheckAsync(common, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<BudgetedScope> counted = endUser is null ? common : [endUser, .. common];
            return new AdmissionTicket(caller, endUserId, tags, counted, RateLimitLease.None, budgets, context);
        }

        access.Check(caller, modelGroup);
        var scopes = budgets.ScopesOf(caller);
        if (BudgetEnforcer.ModelScopeOf(caller, modelGroup) is { } modelBudget)
        {
            scopes = [.. scopes, modelBudget];
        }

        if (common.Count > 0)
        {
            scopes = [.. scopes, .. common];
        }

        // Budgets and limits are asked together (one round trip to Redis, not two). The budget's refusal wins, as in
        // LiteLLM's order, and gives the rate-limit slot back.
        var descriptors = RateLimitDescriptors.Of(caller, modelGroup);
        var budgetCheck = budgets.CheckAsync(scopes, cancellationToken).AsTask();
        RateLimitLease lease;
        try
        {
            lease = descriptors.Count == 0 ? RateLimitLease.None : await limiter.AcquireAsync(descriptors, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await budgetCheck.ConfigureAwait(false);
            throw;
        }

        try
        {
            await budgetCheck.ConfigureAwait(false);
        }
        catch
        {
            await lease.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (endUser is not null)
        {
            scopes = [.. scopes, endUser];
        }

        lease.AddHeaders(context.Response.Headers);
        return new AdmissionTicket(caller, endUserId, tags, scopes, lease, budgets, context);
    }
}
