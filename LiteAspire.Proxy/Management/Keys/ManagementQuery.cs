using System.Globalization;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>Query-string parameters of the management list routes, with clear 400s instead of framework binding errors.</summary>
public static class ManagementQuery
{
    /// <summary>The parameter's text, or null when absent or empty.</summary>
    public static string? Text(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Query[name].ToString();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>A whole number within [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when absent.</summary>
    public static int WholeNumber(HttpRequest request, string name, int fallback, int min, int max)
    {
        var text = Text(request, name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw ManagementErrors.BadRequest(
                string.Create(CultureInfo.InvariantCulture, $"Invalid value for '{name}': '{text}' must be a whole number from {min} to {max}."), name);
        }

        return value;
    }

    /// <summary>A boolean (<c>true</c>/<c>false</c>, <c>1</c>/<c>0</c>), or false when absent.</summary>
    public static bool Flag(HttpRequest request, string name)
    {
        var text = Text(request, name);
        return text switch
        {
            null => false,
            _ when bool.TryParse(text, out var value) => value,
            "1" => true,
            "0" => false,
            _ => throw ManagementErrors.BadRequest($"Invalid value for '{name}': '{text}' must be true or false.", name),
        };
    }

    /// <summary>Pages needed for <paramref name="total"/> rows of <paramref name="size"/>.</summary>
    public static int Pages(int total, int size) => size <= 0 ? 0 : (total + size - 1) / size;
}
