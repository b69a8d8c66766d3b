namespace LiteAspire.Proxy.Budgets;

/// <summary>
/// Spend of the current budget period as every replica sees it now: seeded from the database row, raised by each
/// request's cost at once (the database catches up in the background), and forgotten when the period ends.
/// </summary>
public interface ILiveSpend
{
    /// <summary>Current spend of each scope, in order.</summary>
    ValueTask<double[]> GetAsync(IReadOnlyList<SpendScope> scopes, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="cost"/> to every scope.</summary>
    ValueTask AddAsync(IReadOnlyList<SpendScope> scopes, double cost, CancellationToken cancellationToken);

    /// <summary>Drops the counters of the scopes (after an admin changes or resets their spend), so the next read seeds from the database.</summary>
    ValueTask ForgetAsync(IEnumerable<string> counterKeys);
}
