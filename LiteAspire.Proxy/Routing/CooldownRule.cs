using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Routing;

/// <summary>
/// When a failure takes a deployment out (LiteLLM's <c>_should_cooldown_deployment</c>): at once on 429, 401, 404 and 408; for
/// server and connection errors once this minute's failures exceed <c>allowed_fails</c> (or the type's count in
/// <c>allowed_fails_policy</c>) or more than half of this minute's calls failed; never for the caller's own mistakes (400s).
/// A group's only deployment cools down only when <c>allowed_fails</c> is configured, so its requests keep flowing.
/// </summary>
public static class CooldownRule
{
    /// <summary>True when the failure <paramref name="error"/> of <paramref name="entry"/> (one of <paramref name="groupSize"/>) should cool it down.</summary>
    public static bool ShouldCoolDown(RouterPolicy policy, DeploymentEntry entry, int groupSize, ProviderException error,
        (int Failures, int FailuresOfType, int Calls) minute)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(error);
        if (policy.DisableCooldowns || !CanCoolDown(error.Kind))
        {
            return false;
        }

        if (groupSize <= 1 && !policy.AllowedFailsConfigured && entry.AllowedFails is null)
        {
            return false;
        }

        if (policy.AllowedFailsPolicy.For(error.Kind) is { } allowedOfType)
        {
            return minute.FailuresOfType > allowedOfType;
        }

        if (IsImmediate(error.Kind))
        {
            return true;
        }

        var allowed = entry.AllowedFails ?? policy.AllowedFails;
        // The first call of a minute alone says little about a deployment's health.
        return minute.Failures > allowed || (minute.Calls > 1 && minute.Failures * 2 > minute.Calls);
    }

    /// <summary>How long: the provider's <c>retry-after</c> on a 429, else the deployment's <c>cooldown_time</c>, else the router's.</summary>
    public static TimeSpan DurationOf(RouterPolicy policy, DeploymentEntry entry, ProviderException error)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind == LiteLLMErrorKind.RateLimitError && error.RetryAfter is { } asked && asked > TimeSpan.Zero
            ? asked
            : entry.CooldownTime ?? policy.CooldownTime;
    }

    private static bool IsImmediate(LiteLLMErrorKind kind) =>
        kind is LiteLLMErrorKind.RateLimitError or LiteLLMErrorKind.AuthenticationError or LiteLLMErrorKind.NotFoundError or LiteLLMErrorKind.Timeout;

    // 4xx other than 401, 404, 408 and 429 are the request's fault, not the deployment's.
    private static bool CanCoolDown(LiteLLMErrorKind kind) => kind is not (LiteLLMErrorKind.BadRequestError or LiteLLMErrorKind.UnsupportedParamsError
        or LiteLLMErrorKind.ContextWindowExceededError or LiteLLMErrorKind.ContentPolicyViolationError or LiteLLMErrorKind.PermissionDeniedError
        or LiteLLMErrorKind.UnprocessableEntityError);
}
