using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data.Budgets;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Budgets;

/// <summary>
/// LiteLLM's checks of the customer a request names (<c>"user": "&lt;id&gt;"</c>): a blocked customer is refused, and so
/// is one whose spend is over its budget. Ids that are no customer pass unchecked, as in LiteLLM.
/// </summary>
public sealed class EndUserEnforcer(EndUserLookup endUsers, ILiveSpend spend)
{
    /// <summary>The spend counter kind of customers.</summary>
    public const string ScopeKind = SpendCounterKeys.EndUser;

    /// <summary>
    /// Throws LiteLLM's refusals for <paramref name="endUserId"/>: 400 <c>User blocked from making LLM API Calls. User=&lt;id&gt;</c>,
    /// or 400 <c>budget_exceeded</c> <c>ExceededBudget: End User=&lt;id&gt; over budget. Spend=X, Budget=Y</c>. Returns the
    /// customer's budgeted scope for <see cref="BudgetEnforcer.AddAsync"/> after the call, or null when there is none.
    /// A database that cannot be reached leaves the customer unchecked (LiteLLM lets such requests through).
    /// </summary>
    public async ValueTask<BudgetedScope?> CheckAsync(string? endUserId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(endUserId))
        {
            return null;
        }

        EndUserState? endUser;
        try
        {
            endUser = await endUsers.GetAsync(endUserId, cancellationToken).ConfigureAwait(false);
        }
        catch (DatabaseUnavailableException)
        {
            return null;
        }

        if (endUser is null)
        {
            return null;
        }

        if (endUser.Blocked)
        {
            throw new GatewayException(400, $"User blocked from making LLM API Calls. User={endUser.UserId}", "invalid_request_error", null);
        }

        if (endUser.Budget is not { MaxBudget: { } max } budget)
        {
            return null;
        }

        var scope = new SpendScope(ScopeKind, endUser.UserId, budget.Spend, budget.BudgetResetAt, budget.BudgetDuration);
        var current = (await spend.GetAsync([scope], cancellationToken).ConfigureAwait(false))[0];
        if (current > max)
        {
            throw new GatewayException(400,
                string.Create(CultureInfo.InvariantCulture, $"ExceededBudget: End User={endUser.UserId} over budget. Spend={current}, Budget={max}"),
                "budget_exceeded", null);
        }

        return new BudgetedScope(scope, max, $"End User={endUser.UserId}");
    }

    /// <summary>The customer a request body names: <c>user</c>, else <c>litellm_metadata.user</c>, else <c>metadata.user_id</c>.</summary>
    public static string? EndUserIdOf(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Text(body["user"]) ?? Text((body["litellm_metadata"] as JsonObject)?["user"]) ?? Text((body["metadata"] as JsonObject)?["user_id"]);
    }

    /// <summary>The spend counter of <paramref name="endUserId"/> (to forget after an admin sets its spend).</summary>
    public static string CounterKey(string endUserId) => new SpendScope(ScopeKind, endUserId, 0, null, null).CounterKey;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text ? text : null;
}
