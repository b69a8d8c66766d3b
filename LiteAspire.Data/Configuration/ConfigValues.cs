using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LiteAspire.Data.Configuration;

/// <summary>How an unquoted YAML scalar reads, following PyYAML (YAML 1.1) as LiteLLM loads its config.</summary>
public static partial class ConfigValues
{
    /// <summary>The empty read-only mapping every optional dictionary starts as.</summary>
    public static IReadOnlyDictionary<string, object?> EmptyMap { get; } =
        new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>());

    /// <summary>True for the texts YAML 1.1 reads as null.</summary>
    public static bool IsNull(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>Reads a YAML 1.1 boolean (true/false, yes/no, on/off in three casings).</summary>
    public static bool? ToBoolean(string text) => text switch
    {
        "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" => true,
        "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" => false,
        _ => null,
    };

    /// <summary>Reads a YAML 1.1 integer (decimal, 0x hex, leading-0 octal, '_' separators).</summary>
    public static long? ToInteger(string text)
    {
        var match = IntegerPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var negative = match.Groups["sign"].Value == "-";
        var digits = match.Groups["digits"].Value.Replace("_", string.Empty, StringComparison.Ordinal);
        long value;
        try
        {
            value = digits.StartsWith("0x", StringComparison.Ordinal) ? Convert.ToInt64(digits[2..], 16)
                : digits.Length > 1 && digits[0] == '0' ? Convert.ToInt64(digits[1..], 8)
                : long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            return null;
        }

        return negative ? -value : value;
    }

    /// <summary>
    /// A number from a settings value: as config.yaml's reader gives it (<see cref="long"/>, <see cref="double"/>), or as text
    /// (an environment variable, a quoted scalar); null when absent or not a number.
    /// </summary>
    public static double? NumberOf(object? value) => value switch
    {
        long l => l,
        int i => i,
        double d => d,
        decimal m => (double)m,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>Reads a YAML 1.1 float (a dot is required; <c>.inf</c>, <c>.nan</c>), or an integer as a double.</summary>
    public static double? ToNumber(string text)
    {
        if (ToInteger(text) is { } integer)
        {
            return integer;
        }

        switch (text.TrimStart('+'))
        {
            case ".inf" or ".Inf" or ".INF":
                return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF":
                return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN":
                return double.NaN;
            default:
                break;
        }

        return FloatPattern().IsMatch(text)
            && double.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number
                : null;
    }

    /// <summary>Reads an unquoted scalar: null, bool, long, double, or the text itself.</summary>
    public static object? FromPlainScalar(string text)
    {
        if (IsNull(text))
        {
            return null;
        }

        return (object?)ToBoolean(text) ?? (object?)ToInteger(text) ?? (object?)ToNumber(text) ?? text;
    }

    [GeneratedRegex(@"^(?<sign>[-+]?)(?<digits>0x[0-9a-fA-F_]+|0[0-7_]+|0|[1-9][0-9_]*)$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$")]
    private static partial Regex FloatPattern();
}
