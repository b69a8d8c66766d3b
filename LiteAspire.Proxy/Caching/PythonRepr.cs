using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Caching;

/// <summary>
/// JSON values written as Python's <c>str()</c> writes what <c>json.loads</c> made of them, which is what LiteLLM's cache
/// key hashes: <c>[{'role': 'user', 'content': 'hi'}]</c>, <c>True</c>, <c>None</c>, <c>0.7</c>, <c>1e-05</c>.
/// </summary>
public static class PythonRepr
{
    /// <summary>Appends <c>str(value)</c>: a top-level string as-is, anything else as its repr.</summary>
    public static void AppendStr(StringBuilder text, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String)
        {
            text.Append(scalar.GetValue<string>());
            return;
        }

        AppendRepr(text, value);
    }

    /// <summary>Appends <c>repr(value)</c>.</summary>
    public static void AppendRepr(StringBuilder text, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (value)
        {
            case null:
                text.Append("None");
                return;
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (key, item) in obj)
                {
                    if (!first)
                    {
                        text.Append(", ");
                    }

                    first = false;
                    AppendString(text, key);
                    text.Append(": ");
                    AppendRepr(text, item);
                }

                text.Append('}');
                return;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(", ");
                    }

                    AppendRepr(text, array[i]);
                }

                text.Append(']');
                return;
            case JsonValue scalar:
                AppendScalar(text, scalar);
                return;
        }
    }

    private static void AppendScalar(StringBuilder text, JsonValue scalar)
    {
        switch (scalar.GetValueKind())
        {
            case JsonValueKind.String:
                AppendString(text, scalar.GetValue<string>());
                return;
            case JsonValueKind.True:
                text.Append("True");
                return;
            case JsonValueKind.False:
                text.Append("False");
                return;
            case JsonValueKind.Number:
                AppendNumber(text, scalar.ToJsonString());
                return;
            default:
                text.Append("None");
                return;
        }
    }

    /// <summary>A JSON number as Python prints what <c>json.loads</c> makes of it: an int as written, a float as its shortest repr.</summary>
    public static void AppendNumber(StringBuilder text, string json)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(json);
        if (json.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            // Python ints are exact and have no negative zero.
            text.Append(json == "-0" ? "0" : json);
            return;
        }

        AppendFloat(text, double.Parse(json, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>Python's <c>repr(float)</c>: the shortest round-trip digits, positional for exponents -4..15, else <c>1e-05</c>/<c>1.5e+16</c>.</summary>
    public static void AppendFloat(StringBuilder text, double value)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (double.IsInfinity(value) || double.IsNaN(value))
        {
            text.Append(double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf");
            return;
        }

        // "R" gives the shortest round-trip digits (as Python does); only the layout differs, so it is redone here.
        var roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = roundTrip.StartsWith('-');
        var body = negative ? roundTrip[1..] : roundTrip;
        var exponentAt = body.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? body : body[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(body[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var integerDigits = point < 0 ? mantissa.Length : point;
        // Normalise to digits d1d2... with the decimal exponent of d1.
        var leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        digits = digits[leadingZeros..].TrimEnd('0');
        if (digits.Length == 0)
        {
            text.Append(negative ? "-0.0" : "0.0");
            return;
        }

        var decimalExponent = exponent + integerDigits - 1 - leadingZeros;
        if (negative)
        {
            text.Append('-');
        }

        if (decimalExponent is >= -4 and < 16)
        {
            if (decimalExponent >= 0)
            {
                var whole = decimalExponent + 1;
                text.Append(digits.Length > whole ? digits[..whole] : digits.PadRight(whole, '0'));
                text.Append('.').Append(digits.Length > whole ? digits[whole..] : "0");
            }
            else
            {
                text.Append("0.").Append('0', -decimalExponent - 1).Append(digits);
            }

            return;
        }

        text.Append(digits[0]);
        if (digits.Length > 1)
        {
            text.Append('.').Append(digits, 1, digits.Length - 1);
        }

        text.Append('e').Append(decimalExponent < 0 ? '-' : '+').Append(Math.Abs(decimalExponent).ToString("00", CultureInfo.InvariantCulture));
    }

    /// <summary>Python's <c>repr(str)</c>: single quotes unless the text has one and no double quote; escapes for the unprintable.</summary>
    public static void AppendString(StringBuilder text, string value)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(value);
        var quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        text.Append(quote);
        foreach (var rune in value.EnumerateRunes())
        {
            var code = rune.Value;
            if (code == quote || code == '\\')
            {
                text.Append('\\').Append((char)code);
            }
            else if (code == '\t')
            {
                text.Append("\\t");
            }
            else if (code == '\n')
            {
                text.Append("\\n");
            }
            else if (code == '\r')
            {
                text.Append("\\r");
            }
            else if (code < 0x20 || code == 0x7f)
            {
                text.Append("\\x").Append(code.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (code < 0x7f || IsPrintable(rune))
            {
                text.Append(rune.ToString());
            }
            else if (code <= 0xff)
            {
                text.Append("\\x").Append(code.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (code <= 0xffff)
            {
                text.Append("\\u").Append(code.ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append("\\U").Append(code.ToString("x8", CultureInfo.InvariantCulture));
            }
        }

        text.Append(quote);
    }

    // Python's str.isprintable: not a control, format, surrogate, private-use, unassigned or separator character (space aside).
    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
        UnicodeCategory.SpaceSeparator => rune.Value == ' ',
        _ => true,
    };
}
