using LiteAspire.FakeProvider.Wire;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.FakeProvider.Faults;

/// <summary>What every route does first: latency, hang, auth, injected status; answers the request itself when it should stop there.</summary>
internal static class FakeGate
{
    /// <summary>The request's fault plan, or null when the gate already answered (error) or the client went away (timeout).</summary>
    public static async ValueTask<FaultPlan?> PassAsync(HttpContext context, FakeWire wire)
    {
        var runtime = context.RequestServices.GetRequiredService<FakeRuntime>();
        var plan = FaultPlan.From(context.Request, runtime);
        var aborted = context.RequestAborted;
        try
        {
            if (plan.LatencyMs > 0)
            {
                await Task.Delay(plan.LatencyMs, aborted).ConfigureAwait(false);
            }

            if (plan.Timeout)
            {
                // Never answer: the client's own timeout (or abort) ends the request.
                await Task.Delay(Timeout.Infinite, aborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        RateLimitHeaders.Add(context.Response, wire);
        var authError = FakeAuth.Check(context.Request, wire);
        if (authError is { } rejected)
        {
            await ProviderErrors.WriteAsync(context, wire, rejected.Status, rejected.Message).ConfigureAwait(false);
            return null;
        }

        if (plan.Status is { } status and >= 400)
        {
            await ProviderErrors.WriteAsync(context, wire, status, ProviderErrors.FaultMessage(status), plan.ErrorBody).ConfigureAwait(false);
            return null;
        }

        return plan;
    }

    /// <summary>
    /// <see cref="PassAsync"/>, then the body parsed as a JSON object; null when the gate or a 400 for a bad body already
    /// answered. The flow every JSON route starts with, so each provider file keeps only its wire format.
    /// </summary>
    public static async ValueTask<GatedRequest?> PassJsonAsync(HttpContext context, FakeWire wire)
    {
        if (await PassAsync(context, wire).ConfigureAwait(false) is not { } plan)
        {
            return null;
        }

        var body = await RequestJson.ReadAsync(context, wire).ConfigureAwait(false);
        return body is null ? null : new GatedRequest(plan, body);
    }

    /// <summary>A route handler that runs <paramref name="handler"/> only once <see cref="PassJsonAsync"/> let the request through.</summary>
    public static RequestDelegate Json(FakeWire wire, Func<HttpContext, GatedRequest, Task> handler) => async context =>
    {
        using var request = await PassJsonAsync(context, wire).ConfigureAwait(false);
        if (request is not null)
        {
            await handler(context, request).ConfigureAwait(false);
        }
    };
}
