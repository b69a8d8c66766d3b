using LiteAspire.Data;

using StackExchange.Redis;

namespace LiteAspire.Worker.Budgets;

/// <summary>
/// Runs <see cref="BudgetResetter"/> every <see cref="BudgetSettings.ResetIntervalMin"/>..<see cref="BudgetSettings.ResetIntervalMax"/>
/// (unless <c>disable_reset_budget</c>), then drops the Proxy's live Redis spend counters of the rows it reset, so no replica
/// keeps counting the old period's spend (LiteLLM #30002).
/// </summary>
public sealed class BudgetResetJob(IServiceScopeFactory scopes, BudgetSettings settings, TimeProvider time, ILogger<BudgetResetJob> logger,
    IConnectionMultiplexer? redis = null) : BackgroundService
{
    /// <summary>One pass now; returns how many live counters were dropped (the rows reset).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> counters;
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            if (scope.ServiceProvider.GetService<LiteLLMDbContext>() is not { } db)
            {
                return 0;
            }

            counters = await BudgetResetter.ResetDueAsync(db, settings.Calendar, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        }

        if (counters.Count > 0)
        {
            logger.LogInformation("Budget reset: {Count} budgets started a new period.", counters.Count);
            await ForgetCountersAsync(counters).ConfigureAwait(false);
        }

        return counters.Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.DisableResetBudget)
        {
            logger.LogInformation("general_settings.disable_reset_budget is set: budgets are not reset.");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            // First run after one interval: the database migrator runs at start too.
            await Task.Delay(NextInterval(), time, stoppingToken).ConfigureAwait(false);
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Budget reset failed; retrying at the next run.");
            }
        }
    }

    private TimeSpan NextInterval()
    {
        var spread = settings.ResetIntervalMax - settings.ResetIntervalMin;
        return spread <= TimeSpan.Zero ? settings.ResetIntervalMin
            : settings.ResetIntervalMin + TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * spread.TotalMilliseconds);
    }

    private async Task ForgetCountersAsync(IReadOnlyList<string> counters)
    {
        if (redis is null)
        {
            return;
        }

        try
        {
            // One DEL per counter: each has its own cluster hash tag, so a multi-key DEL would cross slots.
            var database = redis.GetDatabase();
            await Task.WhenAll(counters.Select(key => database.KeyDeleteAsync(key))).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The counters still expire at the period end the Proxy computed, the same boundary: stale spend lasts no longer than that.
            logger.LogWarning("Could not drop {Count} live spend counters after a budget reset ({Error}).", counters.Count, e.Message);
        }
    }
}
