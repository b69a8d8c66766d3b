using System.Globalization;

namespace LiteAspire.Admin.Components.Shared;

/// <summary>One series of <see cref="DailySeriesChart"/>: a value per label (day), its name, and how its values are written.</summary>
/// <param name="Name">What the values are (<c>"Spend"</c>, <c>"Requests"</c>): the chart's caption and the table's column.</param>
/// <param name="Values">One value per label, in the labels' order.</param>
/// <param name="Format">Writes a value for the axis, the tooltips and the text alternative (default: <see cref="Number"/>).</param>
public sealed record DailySeries(string Name, IReadOnlyList<double> Values, Func<double, string>? Format = null)
{
    /// <summary>Writes <paramref name="value"/> with this series' format.</summary>
    public string Write(double value) => (Format ?? Number)(value);

    /// <summary>US dollars, as <see cref="Money.Format"/> writes them.</summary>
    public static string Usd(double value) => Money.Format(value);

    /// <summary>A count or amount: <c>1,234</c> (decimals kept when there are any, up to 2).</summary>
    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
