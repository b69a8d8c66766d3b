using System.Linq.Expressions;

namespace LiteAspire.Data.Budgets;

/// <summary>Filters on a row's id, given how to read the id (<c>k =&gt; k.Token</c>), for code written once for several tables.</summary>
public static class RowIdFilter
{
    /// <summary><c>r =&gt; idOf(r) == id</c>.</summary>
    public static Expression<Func<T, bool>> Is<T>(Expression<Func<T, string>> idOf, string id)
    {
        ArgumentNullException.ThrowIfNull(idOf);
        // A captured value, not a constant: EF sends it as a parameter and reuses one query plan for every id.
        Expression<Func<string>> value = () => id;
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(idOf.Body, value.Body), idOf.Parameters);
    }

    /// <summary><c>r =&gt; ids.Contains(idOf(r))</c>.</summary>
    public static Expression<Func<T, bool>> In<T>(Expression<Func<T, string>> idOf, List<string> ids)
    {
        ArgumentNullException.ThrowIfNull(idOf);
        Expression<Func<List<string>>> value = () => ids;
        return Expression.Lambda<Func<T, bool>>(Expression.Call(value.Body, typeof(List<string>).GetMethod(nameof(List<string>.Contains))!, idOf.Body),
            idOf.Parameters);
    }
}
