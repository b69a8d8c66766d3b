using System.Globalization;

namespace LiteAspire.Admin.Components.Shared;

/// <summary>How the dashboard writes amounts of US dollars: cents, or more digits for sub-cent amounts.</summary>
public static class Money
{
    /// <summary><c>$1,234.56</c>; below a cent, the digits that matter (<c>$0.0000054</c>): one LLM call often costs less.</summary>
    public static string Format(double amount) =>
        (amount < 0 ? "-$" : "$") + Math.Abs(amount).ToString(Math.Abs(amount) is > 0 and < 0.01 ? "0.##########" : "#,0.00", CultureInfo.InvariantCulture);
}
