using System.Globalization;
using System.Text;

namespace LiteAspire.Admin.Export;

/// <summary>
/// Builds RFC 4180 CSV: fields separated by commas, rows by CRLF; a field holding a comma, a quote or a line break is
/// quoted, its quotes doubled. Text that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, tab or CR) is prefixed with <c>'</c> (OWASP's CSV injection advice): names come from tenants.
/// Numbers are written with the invariant culture and never prefixed.
/// </summary>
public sealed class CsvBuilder
{
    private readonly StringBuilder _text = new();
    private bool _rowStarted;

    /// <summary>Appends a text field to the current row.</summary>
    public CsvBuilder Text(string? value)
    {
        var field = value ?? "";
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            field = "'" + field;
        }

        return Field(field);
    }

    /// <summary>Appends a number field to the current row, to 10 decimals (sums of costs carry binary noise past those).</summary>
    public CsvBuilder Number(double value) => Field(value.ToString("0.##########", CultureInfo.InvariantCulture));

    /// <summary>Appends a whole-number field to the current row.</summary>
    public CsvBuilder Number(long value) => Field(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Appends a row of text fields (a header, typically) and ends it.</summary>
    public CsvBuilder Row(params IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            Text(field);
        }

        return EndRow();
    }

    /// <summary>Ends the current row.</summary>
    public CsvBuilder EndRow()
    {
        _text.Append("\r\n");
        _rowStarted = false;
        return this;
    }

    /// <summary>The CSV so far.</summary>
    public override string ToString() => _text.ToString();

    private CsvBuilder Field(string field)
    {
        if (_rowStarted)
        {
            _text.Append(',');
        }

        _rowStarted = true;
        if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            _text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            _text.Append(field);
        }

        return this;
    }
}
