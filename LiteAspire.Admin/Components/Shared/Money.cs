using System.Globalization;

namespace LiteAspire.Admin.Components.Shared;

/// <summary>How the dashboard writes amounts of US dollars: cents, or more digits for sub-cent amounts.</summary>
public static class Money
{
    /// <summary><c>$12.34</c>, <c>$0.0042</c>, <c>$0.00</c>.</summary>
    public static string Format(double amount) => amount is > 0 and < 0.01
        ? "$" + amount.ToString("0.######", CultureInfo.InvariantCulture)
        : amount.ToString("$#,##0.00", CultureInfo.InvariantCulture);
}
