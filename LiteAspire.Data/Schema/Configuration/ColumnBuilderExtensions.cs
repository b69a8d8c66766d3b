using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

/// <summary>
/// Column shapes that recur across LiteLLM's tables. Database defaults mirror Prisma's DDL so rows written by
/// other clients get the same values, but EF always sends the value itself (<c>ValueGeneratedNever</c>): ids and
/// timestamps are set by the writer, as Prisma does.
/// </summary>
internal static class ColumnBuilderExtensions
{
    /// <summary>A Prisma <c>Json</c> field: jsonb on PostgreSQL, TEXT on SQLite, optionally with a default such as <c>{}</c>.</summary>
    public static PropertyBuilder<T> IsJson<T>(this PropertyBuilder<T> property, SchemaDialect dialect, string? defaultJson = null)
    {
        property.HasColumnType(dialect.JsonType);
        return defaultJson is null ? property : property.HasDefaultValueSql(dialect.JsonLiteral(defaultJson)).ValueGeneratedNever();
    }

    /// <summary>A Prisma <c>String[]</c> field: text[] on PostgreSQL, a JSON array in TEXT on SQLite; nullable like Prisma's lists.</summary>
    public static PrimitiveCollectionBuilder<List<string>> IsTextArray(
        this PrimitiveCollectionBuilder<List<string>> property, SchemaDialect dialect, bool emptyByDefault = true)
    {
        property.IsRequired(false).HasColumnType(dialect.TextArrayType);
        return emptyByDefault ? property.HasDefaultValueSql(dialect.EmptyTextArray).ValueGeneratedNever() : property;
    }

    /// <summary>A <c>@default(now())</c> timestamp: CURRENT_TIMESTAMP in the database, set by the writer in EF.</summary>
    public static PropertyBuilder<T> DefaultsToNow<T>(this PropertyBuilder<T> property) =>
        property.HasDefaultValueSql("CURRENT_TIMESTAMP").ValueGeneratedNever();

    /// <summary>A constant database default (<c>0.0</c>, <c>false</c>, <c>''</c>), set by the writer in EF.</summary>
    public static PropertyBuilder<T> Defaults<T>(this PropertyBuilder<T> property, T value) =>
        property.HasDefaultValue(value).ValueGeneratedNever();
}
