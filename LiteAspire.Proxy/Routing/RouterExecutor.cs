using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Pipeline;
using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Routing;

/// <summary>
/// LiteLLM's router around one request: pick a deployment, call it, and on failure count it towards the deployment's
/// cooldown, retry (at once on another healthy deployment, else after a back-off honouring <c>retry-after</c>), and once
/// the group is exhausted try its fallbacks, each with its own retries. Sets <c>x-litellm-attempted-retries</c>,
/// <c>-max-retries</c>, <c>-attempted-fallbacks</c> and <c>-max-fallbacks</c>.
/// </summary>
public sealed class RouterExecutor(ModelRouter router, DeploymentPicker picker, RouterPolicy policy, GatewaySettings settings,
    DeploymentStates states, Cooldowns cooldowns, IDeploymentUsage usage, ModelAccess access, ILogger<RouterExecutor> logger)
{
    /// <summary>The route for <paramref name="model"/> in the current snapshot.</summary>
    /// <exception cref="Errors.GatewayException">400 when no group, alias or wildcard serves the name.</exception>
    public ModelRoute Find(string model) => router.Find(model);

    /// <summary>Runs <paramref name="attempt"/> against <paramref name="route"/>'s deployments until one succeeds or retries and fallbacks run out.</summary>
    /// <exception cref="ProviderException">The last group's failure (the first group's, when fallbacks also failed).</exception>
    /// <exception cref="NoDeploymentsAvailableException">No deployment could be called (429).</exception>
    public Task<T> ExecuteAsync<T>(HttpContext context, ModelRoute route, RouteRequest request, Func<RouteAttempt, CancellationToken, Task<T>> attempt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(attempt);
        var report = new Report(context.Response.Headers, request.NumRetries ?? policy.NumRetries, request.DisableFallbacks ? 0 : policy.MaxFallbacks);
        if (request.DisableFallbacks || (request.Fallbacks is null && request.MockError is null && !policy.HasFallbacks))
        {
            // Nothing to fall back to: no wrapper around the group's own retry loop (one async frame less per request).
            return RunGroupAsync(context, route, request, request.MockError, report, attempt, cancellationToken);
        }

        return ExecuteWithFallbacksAsync(context, route, request, report, attempt, cancellationToken);
    }

    private async Task<T> ExecuteWithFallbacksAsync<T>(HttpContext context, ModelRoute route, RouteRequest request, Report report,
        Func<RouteAttempt, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await RunGroupAsync(context, route, request, request.MockError, report, attempt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception first) when (!request.DisableFallbacks && !context.Response.HasStarted && FallbackKind(first) is { } kind)
        {
            var targets = request.Fallbacks ?? policy.FallbacksFor(route.ModelGroup, kind);
            foreach (var target in targets)
            {
                if (report.Fallbacks >= policy.MaxFallbacks)
                {
                    break;
                }

                if (target == route.ModelGroup || FallbackRoute(context, route.Table, target, fromRequest: request.Fallbacks is not null) is not { } next)
                {
                    continue;
                }

                report.Fallbacks++;
                try
                {
                    return await RunGroupAsync(context, next, request, mockError: null, report, attempt, cancellationToken,
                        request.FallbackMessages?.GetValueOrDefault(target)).ConfigureAwait(false);
                }
                catch (Exception failed) when (!context.Response.HasStarted && FallbackKind(failed) is not null)
                {
                    logger.LogInformation("Fallback {Fallback} for {ModelGroup} failed: {Error}", target, route.ModelGroup, failed.Message);
                }
            }

            ExceptionDispatchInfo.Throw(first);
            throw;
        }
    }

    private async Task<T> RunGroupAsync<T>(HttpContext context, ModelRoute route, RouteRequest request, LiteLLMErrorKind? mockError, Report report,
        Func<RouteAttempt, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken, JsonArray? messages = null)
    {
        if (mockError is { } mocked)
        {
            throw new ProviderException(mocked, route.FirstDeployment.Provider,
                $"This is a mock exception for model={route.ModelGroup}, to trigger a fallback.", LiteLLMErrors.StatusCode(mocked, null));
        }

        HashSet<string>? failed = null;
        var retries = 0;
        var retryPolicy = policy.RetryPolicyFor(route.ModelGroup);
        while (true)
        {
            var entry = picker.Pick(route, failed, request);
            var deployment = route.Table.Materialize(route, entry);
            var state = states.For(entry.Id);
            var minute = states.Minute;
            state.Started(minute);
            usage.AddRequest(entry.Id);
            var call = new RouteAttempt(route.ModelGroup, deployment, TimeoutOf(entry, request), state) { Messages = messages };
            report.Write(call.Timeout);
            var started = Stopwatch.GetTimestamp();
            try
            {
                var result = await attempt(call, cancellationToken).ConfigureAwait(false);
                state.Succeeded(minute, Stopwatch.GetElapsedTime(started).TotalMilliseconds, request.Stream, states.NowMs);
                return result;
            }
            catch (ProviderException e)
            {
                var counts = state.Failed(states.Minute, RetryPolicy.TypeIndex(e.Kind));
                if (!route.Pinned && CooldownRule.ShouldCoolDown(policy, entry, route.Candidates.Count, e, counts))
                {
                    cooldowns.Start(entry.Id, CooldownRule.DurationOf(policy, entry, e), $"{e.Kind} ({counts.Failures} of {counts.Calls} calls failed this minute)");
                }

                (failed ??= new HashSet<string>(StringComparer.Ordinal)).Add(entry.Id);
                var untried = picker.HasUntried(route, failed, request);
                // Once bytes went to the client (a pass-through body cut off midway) nothing can be retried.
                if (context.Response.HasStarted || !ShouldRetry(e, route, request, retryPolicy, report, retries, untried))
                {
                    throw;
                }

                var wait = untried ? TimeSpan.Zero : RetryDelay.Before(retries, e.RetryAfter, policy.RetryAfter);
                retries++;
                report.Retries++;
                logger.LogDebug("Retry {Retry} for {ModelGroup} after {Kind} from {DeploymentId}, in {Wait} ms", retries, route.ModelGroup, e.Kind, entry.Id,
                    wait.TotalMilliseconds);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                if (!call.Held)
                {
                    state.Ended();
                }
            }
        }
    }

    // LiteLLM's should_retry_this_error, plus: a request's own mistakes (400s) are not retried, and 401 only on another deployment.
    private bool ShouldRetry(ProviderException error, ModelRoute route, RouteRequest request, RetryPolicy retryPolicy, Report report, int retries,
        bool untried)
    {
        var hasFallbacks = !request.DisableFallbacks && (request.Fallbacks is { Count: > 0 } || policy.FallbacksFor(route.ModelGroup, error.Kind).Count > 0);
        switch (error.Kind)
        {
            case LiteLLMErrorKind.NotFoundError:
                return false;
            case LiteLLMErrorKind.ContextWindowExceededError or LiteLLMErrorKind.ContentPolicyViolationError when hasFallbacks || !untried:
                return false;
            case LiteLLMErrorKind.BadRequestError or LiteLLMErrorKind.UnsupportedParamsError or LiteLLMErrorKind.UnprocessableEntityError
                or LiteLLMErrorKind.PermissionDeniedError when retryPolicy.For(error.Kind) is null:
                return false;
            case LiteLLMErrorKind.AuthenticationError when !untried:
                return false;
            case LiteLLMErrorKind.RateLimitError when !untried && hasFallbacks && retryPolicy.For(error.Kind) is null:
                return false;
        }

        return retries < (retryPolicy.For(error.Kind) ?? report.MaxRetries);
    }

    private TimeSpan TimeoutOf(DeploymentEntry entry, RouteRequest request)
    {
        var timeout = request.Timeout ?? entry.Deployment.Timeout ?? settings.DefaultTimeout;
        return request.Stream ? request.StreamTimeout ?? entry.StreamTimeout ?? policy.StreamTimeout ?? timeout : timeout;
    }

    // A fallback target is a model group or a deployment id; one the caller named must be a model their key may call.
    private ModelRoute? FallbackRoute(HttpContext context, DeploymentTable table, string target, bool fromRequest)
    {
        var next = table.Find(target) ?? table.FindDeployment(target);
        if (next is null)
        {
            logger.LogWarning("Fallback {Fallback} names no model group or deployment; skipped.", target);
            return null;
        }

        if (fromRequest && context.Features.Get<ApiKeyAuth>() is { IsMasterKey: false } caller)
        {
            access.Check(caller, target);
        }

        return next;
    }

    // The errors after which fallbacks are tried: provider failures other than the request's own mistakes, and no deployment left.
    private static LiteLLMErrorKind? FallbackKind(Exception error) => error switch
    {
        NoDeploymentsAvailableException => LiteLLMErrorKind.RateLimitError,
        ProviderException { Kind: LiteLLMErrorKind.BadRequestError or LiteLLMErrorKind.UnsupportedParamsError or LiteLLMErrorKind.UnprocessableEntityError } => null,
        ProviderException provider => provider.Kind,
        _ => null,
    };

    // The retry and fallback counts, written to the response headers before every attempt (and left there for an error).
    private sealed class Report(IHeaderDictionary headers, int maxRetries, int maxFallbacks)
    {
        public int MaxRetries { get; } = maxRetries;

        public int Retries { get; set; }

        public int Fallbacks { get; set; }

        public void Write(TimeSpan timeout)
        {
            headers["x-litellm-timeout"] = LiteLLMHeaders.FormatFloat(timeout.TotalSeconds);
            headers["x-litellm-attempted-retries"] = Retries.ToString(CultureInfo.InvariantCulture);
            headers["x-litellm-max-retries"] = MaxRetries.ToString(CultureInfo.InvariantCulture);
            if (Fallbacks > 0)
            {
                headers["x-litellm-attempted-fallbacks"] = Fallbacks.ToString(CultureInfo.InvariantCulture);
                headers["x-litellm-max-fallbacks"] = maxFallbacks.ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
