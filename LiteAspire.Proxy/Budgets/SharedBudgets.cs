using LiteAspire.Data.Budgets;
using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Budgets;

/// <summary>
/// The budgets a request falls under whoever sends it: the global proxy budget and the budgets of the tags it carries.
/// Without tags and without a global budget this costs nothing (no lookup, no allocation).
/// </summary>
public sealed class SharedBudgets(ProxyBudget proxyBudget, TagLookup tags)
{
    /// <summary>The spend counter kind of tags.</summary>
    public const string TagKind = SpendCounterKeys.Tag;

    /// <summary>
    /// The global budget's scope (when set) and one per tag in <paramref name="requestTags"/> that has a <c>max_budget</c>.
    /// A database that cannot be reached leaves uncached tags unchecked, as customers are.
    /// </summary>
    public async ValueTask<IReadOnlyList<BudgetedScope>> ScopesAsync(IReadOnlyList<string> requestTags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestTags);
        if (requestTags.Count == 0)
        {
            return proxyBudget.Scopes;
        }

        var global = proxyBudget.Scope;
        IReadOnlyList<TagState> found;
        try
        {
            found = await tags.GetAsync(requestTags, cancellationToken).ConfigureAwait(false);
        }
        catch (DatabaseUnavailableException)
        {
            found = [];
        }

        List<BudgetedScope>? scopes = global is null ? null : [global];
        foreach (var tag in found)
        {
            if (tag.Budget is { MaxBudget: { } max } budget)
            {
                (scopes ??= []).Add(new BudgetedScope(new SpendScope(TagKind, tag.Name, budget.Spend, budget.BudgetResetAt, budget.BudgetDuration), max, $"Tag={tag.Name}"));
            }
        }

        return scopes ?? (IReadOnlyList<BudgetedScope>)[];
    }

    /// <summary>The spend counter of tag <paramref name="name"/> (to forget after an admin changes or deletes it).</summary>
    public static string CounterKey(string name) => new SpendScope(TagKind, name, 0, null, null).CounterKey;
}
