using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LiteAspire.Data.Schema.Configuration;

/// <summary>
/// Stores UTC in LiteLLM's <c>timestamp(3) without time zone</c> columns: Npgsql refuses a <see cref="DateTimeKind.Utc"/>
/// value for such a column, so the value is written as Unspecified and read back as Utc (local values are converted first).
/// </summary>
internal sealed class UtcDateTimeConverter : ValueConverter<DateTime, DateTime>
{
    public UtcDateTimeConverter()
        : base(
            value => DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Unspecified),
            value => DateTime.SpecifyKind(value, DateTimeKind.Utc))
    {
    }
}
