using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Limits;

namespace LiteAspire.Proxy.Enforcement;

/// <summary>
/// What every LLM request passes before the upstream call, in LiteLLM's order: model access (key, team, user,
/// organization), budgets, then rate limits (one atomic check of every level). The master key is not limited.
/// </summary>
public sealed class RequestAdmission(ModelAccess access, BudgetEnforcer budgets, IRateLimiter limiter)
{
    /// <summary>Admits the authenticated caller of <paramref name="context"/> to <paramref name="modelGroup"/>, or throws the refusal (401, 400, 429).</summary>
    public async ValueTask<AdmissionTicket> AdmitAsync(HttpContext context, string modelGroup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<ApiKeyAuth>() is not { } caller)
        {
            return AdmissionTicket.Unlimited;
        }

        if (caller.IsMasterKey)
        {
            return new AdmissionTicket(caller, [], RateLimitLease.None, null);
        }

        access.Check(caller, modelGroup);
        var scopes = budgets.ScopesOf(caller);
        await budgets.CheckAsync(scopes, cancellationToken).ConfigureAwait(false);
        var descriptors = RateLimitDescriptors.Of(caller, modelGroup);
        var lease = descriptors.Count == 0 ? RateLimitLease.None : await limiter.AcquireAsync(descriptors, cancellationToken).ConfigureAwait(false);
        lease.AddHeaders(context.Response.Headers);
        return new AdmissionTicket(caller, scopes, lease, budgets);
    }
}
