using LiteAspire.Proxy.Budgets;

namespace LiteAspire.Proxy.Management.Tags;

/// <summary>After a tag changes: every replica re-reads it, and (when its spend starts over) its live counter is dropped.</summary>
public static class TagChangeEffects
{
    /// <summary>Makes <paramref name="name"/>'s change visible to the next request on every replica.</summary>
    public static async Task ApplyAsync(TagLookup tags, ILiveSpend spend, string name, bool forgetSpend)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(spend);
        await tags.InvalidateAsync([name]).ConfigureAwait(false);
        if (forgetSpend)
        {
            await spend.ForgetAsync([SharedBudgets.CounterKey(name)]).ConfigureAwait(false);
        }
    }
}
