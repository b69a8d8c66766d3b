using System.Globalization;

using LiteAspire.Data;
using LiteAspire.Data.Spend;

namespace LiteAspire.Worker.Alerts;

/// <summary>
/// LiteLLM's budget alerts: after each committed spend batch, a counter that crossed 50 %, 80 % or 100 % of its
/// <c>max_budget</c>, or its <c>soft_budget</c>, raises an alert, once per budget period however often the crossing is
/// reported (replayed batches, several Workers). Only queues the alert: sending happens in <see cref="AlertSender"/>.
/// </summary>
public sealed class BudgetAlertObserver(IServiceScopeFactory scopes, AlertSettings settings, IAlertDedupe dedupe, AlertSender sender,
    TimeProvider time, ILogger<BudgetAlertObserver> logger) : ISpendCommitObserver
{
    /// <summary>How long the claim of an alert for a budget without a period lasts.</summary>
    public static readonly TimeSpan UnboundedClaim = TimeSpan.FromDays(30);

    /// <inheritdoc />
    public async ValueTask OnCommittedAsync(IReadOnlyList<CounterChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (!settings.Enabled || !changes.Any(c => c.SpendAfter > c.SpendBefore))
        {
            return;
        }

        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                if (scope.ServiceProvider.GetService<LiteLLMDbContext>() is not { } db)
                {
                    return;
                }

                foreach (var change in changes)
                {
                    if (change.SpendAfter > change.SpendBefore)
                    {
                        await CheckAsync(db, change, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An alert is never worth failing the spend consumer for.
            logger.LogWarning(e, "Budget alert check failed for a spend batch of {Count} counters.", changes.Count);
        }
    }

    private async Task CheckAsync(LiteLLMDbContext db, CounterChange change, CancellationToken cancellationToken)
    {
        if (await EntityBudget.FindAsync(db, change, cancellationToken).ConfigureAwait(false) is not { } budget)
        {
            return;
        }

        var alert = budget.Alert with { Spend = change.SpendAfter, MaxBudget = budget.MaxBudget, SoftBudget = budget.SoftBudget, BudgetResetAt = budget.PeriodEnd };
        var prefix = budget.Alert.EventMessage;
        if (BudgetThresholds.CrossedFraction(change.SpendBefore, change.SpendAfter, budget.MaxBudget) is { } fraction)
        {
            var (name, message) = fraction >= 1
                ? ("budget_crossed", $"{prefix}Budget Crossed")
                : ("threshold_crossed", string.Create(CultureInfo.InvariantCulture, $"{prefix}{fraction * 100:0}% Threshold Crossed"));
            await RaiseAsync(change, budget, string.Create(CultureInfo.InvariantCulture, $"{fraction * 100:0}"),
                alert with { Event = name, EventMessage = message }, cancellationToken).ConfigureAwait(false);
        }

        if (BudgetThresholds.CrossedSoft(change.SpendBefore, change.SpendAfter, budget.SoftBudget))
        {
            await RaiseAsync(change, budget, "soft", alert with { Event = "soft_budget_crossed", EventMessage = $"{prefix}Soft Budget Crossed" },
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RaiseAsync(CounterChange change, EntityBudget budget, string threshold, BudgetAlert alert, CancellationToken cancellationToken)
    {
        // One claim per entity, threshold and period: the period is named by its end, so the next period alerts afresh.
        var period = budget.PeriodEnd?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "none";
        var key = $"litellm:budget_alert:{{{change.Entity}:{change.Id}}}:{threshold}:{period}";
        var expires = budget.PeriodEnd ?? time.GetUtcNow().UtcDateTime + UnboundedClaim;
        if (await dedupe.TryClaimAsync(key, expires, cancellationToken).ConfigureAwait(false))
        {
            sender.Enqueue(alert);
        }
    }
}
