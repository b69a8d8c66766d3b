using System.Text.RegularExpressions;

namespace LiteAspire.Admin.Components.Pages.Keys;

/// <summary>LiteLLM's durations (<c>30s</c>, <c>30m</c>, <c>30h</c>, <c>30d</c>, <c>1w</c>, <c>1mo</c>), checked before a form is sent.</summary>
public static partial class Durations
{
    /// <summary>True for an empty value (no duration) or a whole number above zero followed by a unit.</summary>
    public static bool IsValid(string? value) => string.IsNullOrWhiteSpace(value) || Pattern().IsMatch(value.Trim());

    [GeneratedRegex("^[1-9][0-9]*(s|m|h|d|w|mo)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
