using System.Globalization;
using LiteAspire.Admin.Components.Shared;

namespace LiteAspire.Admin.Components.Tenancy;

/// <summary>How the tenancy pages write amounts, limits and times.</summary>
public static class Figures
{
    /// <summary>What an absent value shows as.</summary>
    public const string None = "—";

    /// <summary>USD as <see cref="Money"/> writes it, or <see cref="None"/>.</summary>
    public static string Usd(double? amount) => amount is { } a ? Money.Format(a) : None;

    /// <summary>A count or per-minute limit, or <see cref="None"/>.</summary>
    public static string Count(long? value) => value?.ToString("#,##0", CultureInfo.InvariantCulture) ?? None;

    /// <summary>Tokens and requests per minute, or "No limits" when neither is set.</summary>
    public static string Limits(long? tpm, long? rpm) => tpm is null && rpm is null ? "No limits" : $"{Count(tpm)} TPM · {Count(rpm)} RPM";

    /// <summary>A UTC time to the minute, or <see cref="None"/>.</summary>
    public static string Time(DateTime? value) =>
        value is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : None;

    /// <summary>A model list; empty means every model.</summary>
    public static string Models(IReadOnlyList<string>? models) => models is { Count: > 0 } ? string.Join(", ", models) : "All models";

    /// <summary>Spend against a budget: <c>$1.20 / $50.00</c>, or just the spend without one.</summary>
    public static string SpendOf(double spend, double? budget) => budget is null ? Usd(spend) : $"{Usd(spend)} / {Usd(budget)}";
}
