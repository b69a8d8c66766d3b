using LiteAspire.Data;
using LiteAspire.Data.Spend;
using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Budgets;

/// <summary>
/// Keeps <see cref="ProxyBudget"/> fed: at startup it creates (or updates) the <c>litellm-proxy-budget</c> row from the
/// config, then re-reads it every <c>user_api_key_cache_ttl</c>, so the live counter seeds from a recent spend after a period
/// ends. The request path never waits for it.
/// </summary>
public sealed class ProxyBudgetSync(ProxyBudget budget, IServiceScopeFactory scopes, TimeProvider time, AuthSettings settings,
    ILogger<ProxyBudgetSync> logger) : BackgroundService
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(5);

    private bool _noDatabase;

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Loaded before the proxy serves, so the first requests are already counted against the budget.
        if (budget.MaxBudget is not null)
        {
            await TryLoadAsync(upsert: true, cancellationToken).ConfigureAwait(false);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (budget.MaxBudget is null || _noDatabase)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(budget.Scope is null ? RetryPause : settings.KeyCacheTtl, time, stoppingToken).ConfigureAwait(false);
                await TryLoadAsync(upsert: budget.Scope is null, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TryLoadAsync(bool upsert, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<LiteLLMDbContext>() is not { } db)
        {
            _noDatabase = true;
            logger.LogWarning("litellm_settings.max_budget is set but no database is configured: the global budget is not enforced (as in LiteLLM).");
            return;
        }

        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var row = upsert
                ? await ProxyBudgetRow.UpsertAsync(db, budget.MaxBudget!.Value, budget.BudgetDuration, now, cancellationToken).ConfigureAwait(false)
                : await db.Users.FindAsync([ProxyBudgetRow.UserId], cancellationToken).ConfigureAwait(false);
            if (row is not null)
            {
                budget.Load(row);
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            logger.LogWarning("Could not load the global proxy budget ({Error}); will retry.", e.Message);
        }
    }
}
