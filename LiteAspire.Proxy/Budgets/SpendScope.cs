using LiteAspire.Data.Budgets;

namespace LiteAspire.Proxy.Budgets;

/// <summary>
/// One thing spend is counted against (a key, user, team, team member, organization, or the whole proxy), with the
/// spend the database last reported and when its budget period ends.
/// </summary>
/// <param name="Kind">key, user, team, team_member, organization, global.</param>
/// <param name="Id">The token, user id, team id, <c>team:user</c>, organization id, or <c>litellm-proxy-budget</c>.</param>
/// <param name="StoredSpend">Spend in the database row as last loaded.</param>
/// <param name="ResetAt">When the budget period of the stored spend ends (UTC), or null when it never resets.</param>
/// <param name="BudgetDuration">The period's length (<c>30d</c>, <c>1mo</c>), to find the following period ends.</param>
public readonly record struct SpendScope(string Kind, string Id, double StoredSpend, DateTime? ResetAt, string? BudgetDuration)
{
    /// <summary>The spend to start counting from at <paramref name="now"/>: zero once the stored period is over.</summary>
    public double SeedAt(DateTime now) => ResetAt is { } reset && reset <= now ? 0 : StoredSpend;

    /// <summary>
    /// When the period running at <paramref name="now"/> ends, or null when the budget never resets: the stored reset time while it
    /// is ahead, else the next boundary of <see cref="BudgetCalendar.Default"/>, the same one the Worker's reset job will write.
    /// </summary>
    public DateTime? PeriodEndAt(DateTime now)
    {
        if (ResetAt is not { } end)
        {
            return null;
        }

        if (end > now)
        {
            return end;
        }

        if (!LiteLLMDuration.TryParse(BudgetDuration, out var duration))
        {
            return now.AddDays(1);
        }

        return duration.Value.NextEndAfter(end, now);
    }

    /// <summary>The counter's name (<see cref="SpendCounterKeys"/>, shared with the Worker that drops it after a reset).</summary>
    public string CounterKey => SpendCounterKeys.For(Kind, Id);
}
