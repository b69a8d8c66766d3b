using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Limits;

namespace LiteAspire.Proxy.Enforcement;

/// <summary>
/// An admitted request: its caller, the budgets its cost will count against and its hold on the rate limits. Complete it
/// once when the call is over (tokens and cost of a success; zeros for a failure).
/// </summary>
public sealed class AdmissionTicket
{
    private readonly BudgetEnforcer? _budgets;
    private int _completed;

    internal AdmissionTicket(ApiKeyAuth? caller, string? endUserId, IReadOnlyList<string> tags, IReadOnlyList<BudgetedScope> scopes, RateLimitLease lease,
        BudgetEnforcer? budgets, HttpContext? context = null)
    {
        Caller = caller;
        Route = context?.Request.Path.Value;
        CallId = context is null ? null : Pipeline.CallTiming.CallId(context);
        RequesterIp = context?.Connection.RemoteIpAddress?.ToString();
        EndUserId = endUserId;
        Tags = tags;
        Scopes = scopes;
        Lease = lease;
        _budgets = budgets;
    }

    /// <summary>A ticket that limits and counts nothing (no authenticated caller, or the master key).</summary>
    public static AdmissionTicket Unlimited { get; } = new(null, null, [], [], RateLimitLease.None, null);

    /// <summary>The caller, when one was authenticated.</summary>
    public ApiKeyAuth? Caller { get; }

    /// <summary>The call id (<c>x-litellm-call-id</c>).</summary>
    public string? CallId { get; }

    /// <summary>The path the client called, e.g. <c>/v1/chat/completions</c>.</summary>
    public string? Route { get; }

    /// <summary>The client's IP address.</summary>
    public string? RequesterIp { get; }

    /// <summary>The customer the call is made for (the body's <c>user</c>), or null.</summary>
    public string? EndUserId { get; }

    /// <summary>The request's tags (<see cref="RequestTags"/>): the spend writer adds the cost to those in <c>LiteLLM_TagTable</c>.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The budgets the call's cost counts against.</summary>
    public IReadOnlyList<BudgetedScope> Scopes { get; }

    /// <summary>The rate limiter's lease.</summary>
    public RateLimitLease Lease { get; }

    /// <summary>Counts the call: its cost against the budgets, its tokens against the tpm limits; frees the parallel slots. Later calls do nothing.</summary>
    public async ValueTask CompleteAsync(double cost, long tokens)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 1)
        {
            return;
        }

        // Both sent before either is awaited: one Redis round trip after the call instead of two in a row.
        var spent = _budgets is null ? ValueTask.CompletedTask : _budgets.AddAsync(Scopes, cost, CancellationToken.None);
        var released = Lease.CompleteAsync(tokens);
        try
        {
            await spent.ConfigureAwait(false);
        }
        finally
        {
            await released.ConfigureAwait(false);
        }
    }
}
