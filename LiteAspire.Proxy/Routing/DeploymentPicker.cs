using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Spend;

namespace LiteAspire.Proxy.Routing;

/// <summary>
/// One routing decision: the group's deployments less those cooling down, marked unhealthy, at their <c>rpm</c>/<c>tpm</c>/
/// <c>max_parallel_requests</c> this minute, or (with <c>enable_pre_call_checks</c>) too small for the prompt; then the
/// lowest <c>order</c> tier among those this request has not yet failed on; then the strategy's pick.
/// </summary>
public sealed class DeploymentPicker(IRoutingStrategy strategy, Cooldowns cooldowns, DeploymentStates states, IDeploymentUsage usage,
    RouterPolicy policy, DeploymentPrices prices, IDeploymentHealth health)
{
    // The decision is synchronous, so one buffer per thread serves every request without allocating.
    [ThreadStatic]
    private static List<DeploymentEntry>? t_available;

    /// <summary>Picks the deployment for the next attempt of <paramref name="request"/> on <paramref name="route"/>.</summary>
    /// <param name="route">The group.</param>
    /// <param name="failed">Deployments this request already failed on (tried again only when nothing else is left).</param>
    /// <param name="request">The request's routing inputs.</param>
    /// <exception cref="NoDeploymentsAvailableException">Every deployment is cooling down or at its limits (429).</exception>
    /// <exception cref="ProviderException">ContextWindowExceededError: no deployment's context window fits the prompt.</exception>
    /// <exception cref="Errors.GatewayException">400: with <c>enable_tag_filtering</c>, no deployment serves the request's tags.</exception>
    public DeploymentEntry Pick(ModelRoute route, IReadOnlySet<string>? failed, RouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(request);
        var available = t_available ??= new List<DeploymentEntry>(8);
        available.Clear();
        var blocked = Filter(route, request, available);
        if (available.Count == 0)
        {
            throw blocked.TooSmall is { } fit && blocked.Cooling == 0 && blocked.Limited == 0
                ? ContextWindowError(route, fit.Window, fit.Tokens)
                : NoneAvailable(route, blocked);
        }

        KeepLowestUntriedTier(available, failed);
        return strategy.Select(available, request.Stream);
    }

    /// <summary>True when <paramref name="route"/> has a deployment for <paramref name="request"/> that is not cooling down and it has not failed on.</summary>
    public bool HasUntried(ModelRoute route, IReadOnlySet<string> failed, RouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(failed);
        ArgumentNullException.ThrowIfNull(request);
        var now = states.NowMs;
        var tagged = policy.EnableTagFiltering && !route.Pinned ? TagRouting.Serving(route, request.Tags, policy.TagFilteringMatchAny) : null;
        foreach (var entry in route.Candidates)
        {
            if ((tagged is null || tagged.Contains(entry)) && !failed.Contains(entry.Id) && (route.Pinned || !cooldowns.IsCooling(entry.Id, now)) && !health.IsUnhealthy(entry.Id))
            {
                return true;
            }
        }

        return false;
    }

    private Blocked Filter(ModelRoute route, RouteRequest request, List<DeploymentEntry> available)
    {
        var now = states.NowMs;
        var blocked = default(Blocked);
        long? promptTokens = null;
        var tagged = policy.EnableTagFiltering && !route.Pinned ? TagRouting.Serving(route, request.Tags, policy.TagFilteringMatchAny) : null;
        foreach (var entry in route.Candidates)
        {
            if (tagged is not null && !tagged.Contains(entry))
            {
                continue;
            }

            if (!route.Pinned && (cooldowns.IsCooling(entry.Id, now) || health.IsUnhealthy(entry.Id)))
            {
                blocked.Cooling++;
                continue;
            }

            if (AtLimit(entry))
            {
                blocked.Limited++;
                continue;
            }

            if (policy.EnablePreCallChecks && request.PromptTokens is not null && MaxInputTokens(entry) is { } window)
            {
                promptTokens ??= request.PromptTokens();
                if (promptTokens > window)
                {
                    blocked.TooSmall = (window, promptTokens.Value);
                    continue;
                }
            }

            available.Add(entry);
        }

        return blocked;
    }

    private bool AtLimit(DeploymentEntry entry)
    {
        if (entry.MaxParallelRequests is { } parallel && states.For(entry.Id).InFlight >= parallel)
        {
            return true;
        }

        if (entry.Rpm is null && entry.Tpm is null)
        {
            return false;
        }

        var (requests, tokens) = usage.Current(entry.Id);
        return requests >= entry.Rpm || tokens >= entry.Tpm;
    }

    private long? MaxInputTokens(DeploymentEntry entry) =>
        entry.MaxInputTokens ?? (prices.For(entry.Deployment)?.Field(ModelPrice.MaxInputTokensField) is { } fromTable ? (long)fromTable : null);

    // Lower order first; within it, deployments this request has not failed on. When every one has failed, all are
    // candidates again (the retry waits instead).
    private static void KeepLowestUntriedTier(List<DeploymentEntry> available, IReadOnlySet<string>? failed)
    {
        var lowestUntried = long.MaxValue;
        var lowest = long.MaxValue;
        var anyUntried = false;
        foreach (var entry in available)
        {
            lowest = Math.Min(lowest, entry.Order);
            if (failed is null || !failed.Contains(entry.Id))
            {
                lowestUntried = Math.Min(lowestUntried, entry.Order);
                anyUntried = true;
            }
        }

        var tier = anyUntried ? lowestUntried : lowest;
        available.RemoveAll(entry => entry.Order != tier || (anyUntried && failed is not null && failed.Contains(entry.Id)));
    }

    private NoDeploymentsAvailableException NoneAvailable(ModelRoute route, Blocked blocked)
    {
        var now = states.NowMs;
        var wait = TimeSpan.MaxValue;
        foreach (var entry in route.Candidates)
        {
            var remaining = cooldowns.Remaining(entry.Id, now);
            if (remaining > TimeSpan.Zero && remaining < wait)
            {
                wait = remaining;
            }
        }

        if (wait == TimeSpan.MaxValue)
        {
            // Limits reset with the minute; an unhealthy deployment is checked again by the background health check.
            wait = TimeSpan.FromMilliseconds(60_000 - (now % 60_000));
        }

        var why = $"{blocked.Cooling} cooling down or unhealthy, {blocked.Limited} at their rpm/tpm/parallel limits"
            + (blocked.TooSmall is null ? "" : ", others too small for the prompt") + $". pre-call-checks={policy.EnablePreCallChecks}";
        return new NoDeploymentsAvailableException(route.ModelGroup, wait, why);
    }

    private static ProviderException ContextWindowError(ModelRoute route, long window, long tokens) =>
        new(LiteLLMErrorKind.ContextWindowExceededError, route.FirstDeployment.Provider,
            $"Context Window exceeded for given call. No deployment of the group has a context window large enough. Model={route.ModelGroup}, Max Input Tokens={window}, Got={tokens}",
            400);

    private struct Blocked
    {
        public int Cooling;
        public int Limited;
        public (long Window, long Tokens)? TooSmall;
    }
}
